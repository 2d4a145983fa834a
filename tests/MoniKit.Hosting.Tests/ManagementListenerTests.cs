using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MoniKit.Hosting.Implementation;
using MoniKit.Testing;

namespace MoniKit.Hosting.Tests;

[TestClass]
public sealed class ManagementListenerTests
{
    [TestMethod]
    public async Task AddMoniKit_Worker_ServesEveryManagementEndpointOnItsPort()
    {
        await using var worker = await WorkerHost.StartAsync();

        Assert.AreEqual("pong\n", await worker.GetStringAsync("/ping"));
        var metrics = await worker.GetStringAsync("/metrics");
        StringAssert.Contains(metrics, "monikit_build_info{");
        StringAssert.Contains(metrics, "service_name=\"billing\"");
        StringAssert.Contains(await worker.GetStringAsync("/health"), "Healthy");
        StringAssert.Contains(await worker.GetStringAsync("/alive"), "Healthy");
        StringAssert.Contains(await worker.GetStringAsync("/env"), "billing");
        StringAssert.Contains(await worker.GetStringAsync("/metrics-text"), "billing");

        using var metricsResponse = await worker.Client.GetAsync("/metrics");
        Assert.AreEqual("text/plain; version=0.0.4; charset=utf-8", metricsResponse.Content.Headers.ContentType?.ToString());
        using var missing = await worker.Client.GetAsync("/orders");
        Assert.AreEqual(HttpStatusCode.NotFound, missing.StatusCode);
        using var post = await worker.Client.PostAsync("/metrics", new StringContent(string.Empty));
        Assert.AreEqual(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        using var head = new HttpRequestMessage(HttpMethod.Head, "/ping");
        using var headResponse = await worker.Client.SendAsync(head);
        Assert.AreEqual(HttpStatusCode.OK, headResponse.StatusCode);
    }

    [TestMethod]
    public async Task AddMoniKit_Scrapes_AreNotLoggedAtInfo()
    {
        await using var worker = await WorkerHost.StartAsync();
        await worker.WaitForListeningLineAsync();

        for (var i = 0; i < 3; i++)
        {
            await worker.GetStringAsync("/metrics");
            await worker.GetStringAsync("/ping");
        }

        await worker.Host.StopAsync();
        var scrapeLines = worker.Capture.Lines.Where(l => l.Contains("/metrics\"", StringComparison.Ordinal) || l.Contains("answered", StringComparison.Ordinal)).ToList();
        Assert.IsEmpty(scrapeLines, string.Join('\n', scrapeLines));
        LogAssert.Conforms(worker.Capture);
    }

    [TestMethod]
    public async Task AddMoniKit_BearerTokenSet_ProtectsMetrics()
    {
        await using var worker = await WorkerHost.StartAsync(settings: new() { ["MoniKit:Management:BearerToken"] = "t0ken-for-tests" });

        using var anonymous = await worker.Client.GetAsync("/metrics");
        Assert.AreEqual(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.IsTrue(anonymous.Headers.WwwAuthenticate.Count > 0);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new("Bearer", "t0ken-for-tests");
        using var authorized = await worker.Client.SendAsync(request);
        Assert.AreEqual(HttpStatusCode.OK, authorized.StatusCode);
    }

    [TestMethod]
    public async Task AddMoniKit_PortInUse_FailsStartNamingTheKey()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port;
        var builder = WorkerHost.CreateBuilder(port);
        builder.AddMoniKit();
        using var host = builder.Build();

        var error = await Assert.ThrowsExactlyAsync<MoniKitConfigurationException>(() => host.StartAsync());

        StringAssert.Contains(error.Message, $"MoniKit:Management:Port {port}");
        await host.StopAsync();
    }

    [TestMethod]
    public async Task AddMoniKit_HostNotSet_ListensOnLoopbackOnly()
    {
        await using var worker = await WorkerHost.StartAsync(settings: new() { ["MoniKit:Management:Host"] = null });

        var listening = await worker.WaitForListeningLineAsync();

        StringAssert.Contains(listening.GetProperty("message").GetString(), $"http://127.0.0.1:{worker.Port}/");
        Assert.IsFalse(listening.GetProperty("message").GetString()!.Contains('+', StringComparison.Ordinal), listening.GetProperty("message").GetString());
        Assert.AreEqual("pong\n", await worker.GetStringAsync("/ping"));
        if (MachineAddresses.NonLoopback() is { } other)
        {
            Assert.IsFalse(await MachineAddresses.AcceptsAsync(other, worker.Port), $"the management port answered on {other}");
        }
    }

    [TestMethod]
    public async Task AddMoniKit_AddressNotOnThisMachine_FailsStartNamingTheHostKey()
    {
        var builder = WorkerHost.CreateBuilder(FreePort.Next(), new() { ["MoniKit:Management:Host"] = "203.0.113.9" });
        builder.AddMoniKit();
        using var host = builder.Build();

        var error = await Assert.ThrowsExactlyAsync<MoniKitConfigurationException>(() => host.StartAsync());

        StringAssert.StartsWith(error.Failures[0], "MoniKit:Management:Host '203.0.113.9'");
        await host.StopAsync();
    }

    [TestMethod]
    public async Task AddMoniKit_KeysOnlyAWebApiReads_WarnedOnceByName()
    {
        await using var worker = await WorkerHost.StartAsync(settings: new()
        {
            ["MoniKit:Http:CaptureBody"] = "true",
            ["MoniKit:Jobs:Intervals:cleanup"] = "00:00:05",
            ["MoniKit:Management:AliveEnabled"] = "true",
        });

        var line = await worker.Capture.WaitForMessageAsync("MoniKit configuration keys that no MoniKit package");

        StringAssert.EndsWith(line.GetProperty("message").GetString(), ": MoniKit:Http:CaptureBody");
    }

    [TestMethod]
    public void AddMoniKit_NoPortConfigured_Defaults9464AndCanBeCalledTwice()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", ApplicationName = "billing" });

        builder.AddMoniKit().AddMoniKit();

        using var host = builder.Build();
        var endpoints = host.Services.GetRequiredService<MoniKit.Metrics.ManagementEndpoints>();
        Assert.AreEqual(9464, endpoints.Options.Port);
        Assert.AreEqual(1, host.Services.GetServices<IHostedService>().OfType<ManagementListenerService>().Count());
    }

    [TestMethod]
    public void AddMoniKit_Worker_LoadsNoAspNetCoreAssembly()
    {
        var builder = WorkerHost.CreateBuilder(FreePort.Next());
        builder.AddMoniKit();
        using var host = builder.Build();

        var aspNet = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Where(n => n?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true).ToList();
        Assert.IsEmpty(aspNet, string.Join(", ", aspNet));
    }


    [TestMethod]
    [DataRow("*", 9464, "http://+:9464/")]
    [DataRow("+", 9464, "http://+:9464/")]
    [DataRow("0.0.0.0", 9464, "http://+:9464/")]
    [DataRow("127.0.0.1", 9100, "http://127.0.0.1:9100/")]
    [DataRow("localhost", 9100, "http://127.0.0.1:9100/ http://localhost:9100/")]
    [DataRow("::1", 9100, "http://[::1]:9100/")]
    [DataRow("metrics.internal", 9100, "http://metrics.internal:9100/")]
    public void Prefixes_Host_MapsToHttpListenerPrefixes(string host, int port, string expected)
    {
        Assert.AreEqual(expected, string.Join(' ', ManagementListenerPrefix.For(host, port)));
    }
}
