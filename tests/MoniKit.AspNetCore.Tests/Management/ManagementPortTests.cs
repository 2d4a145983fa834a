using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MoniKit.AspNetCore.Tests.Management;

[TestClass]
public sealed class ManagementPortTests
{
    [TestMethod]
    public async Task ManagementPort_ApplicationRoutes_Answer404()
    {
        await using var app = await KestrelApp.StartAsync(managementPort: true);

        using var orders = await app.GetAsync(app.ManagementAddress, "/orders/1");
        using var failure = await app.GetAsync(app.ManagementAddress, "/demo/failure");
        using var metrics = await app.GetAsync(app.ManagementAddress, "/metrics");
        using var ordersOnApp = await app.GetAsync(app.BaseAddress, "/orders/1");

        Assert.AreEqual(HttpStatusCode.NotFound, orders.StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, failure.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, metrics.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, ordersOnApp.StatusCode);
        Assert.IsFalse(app.Capture.Lines.Any(l => l.Contains("Demonstration failure", StringComparison.Ordinal)), "the application's endpoint ran on the management port");
        var probe = await app.Capture.WaitForLineAsync(l => l.Text("url.path") == "/orders/1" && l.Number("http.response.status_code") == 404);
        Assert.AreEqual("warn", probe.GetProperty("log.level").GetString());
    }

    [TestMethod]
    public async Task ManagementPort_HostNotSet_ListensOnTheApplicationsOwnHostOnly()
    {
        await using var app = await KestrelApp.StartAsync(managementPort: true);
        var addresses = app.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;

        CollectionAssert.Contains(addresses.ToList(), $"http://127.0.0.1:{app.ManagementPort}");
        Assert.IsFalse(addresses.Any(a => a.Contains("[::]", StringComparison.Ordinal) || a.Contains("0.0.0.0", StringComparison.Ordinal)), string.Join(", ", addresses));
        if (MachineAddresses.NonLoopback() is { } other)
        {
            Assert.IsFalse(await MachineAddresses.AcceptsAsync(other, app.ManagementPort!.Value), $"the management port answered on {other}");
        }
    }

    [TestMethod]
    public async Task ManagementPort_PortBusy_FailsStartNamingThePortKey()
    {
        await using var app = KestrelApp.Build(managementPort: true);
        using var occupied = new TcpListener(IPAddress.Loopback, app.ManagementPort!.Value);
        occupied.Start();

        var error = await Assert.ThrowsExactlyAsync<MoniKitConfigurationException>(() => app.App.StartAsync());

        StringAssert.Contains(error.Failures[0], $"MoniKit:Management:Port {app.ManagementPort}");
        StringAssert.Contains(error.Failures[0], "in use");
    }

    [TestMethod]
    public async Task ManagementPort_AddressNotOnThisMachine_FailsStartNamingTheHostKey()
    {
        await using var app = KestrelApp.Build(managementPort: true, settings: new() { ["MoniKit:Management:Host"] = "203.0.113.9" });

        var error = await Assert.ThrowsExactlyAsync<MoniKitConfigurationException>(() => app.App.StartAsync());

        StringAssert.StartsWith(error.Failures[0], "MoniKit:Management:Host '203.0.113.9'");
    }

    [TestMethod]
    public async Task ManagementPort_SameAsTheApplicationsPort_FailsStartNamingThePortKey()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        await using var app = KestrelApp.Build(settings: new() { ["MoniKit:Management:Port"] = port }, configure: b => b.WebHost.UseUrls("http://127.0.0.1:" + port));

        var error = await Assert.ThrowsExactlyAsync<MoniKitConfigurationException>(() => app.App.StartAsync());

        StringAssert.StartsWith(error.Failures[0], $"MoniKit:Management:Port {port} is also the application's own port");
    }

    [TestMethod]
    public async Task ManagementRequests_OnEitherPort_NotRecordedInRequestDuration()
    {
        await using var shared = await KestrelApp.StartAsync();
        await using var separate = await KestrelApp.StartAsync(managementPort: true);

        foreach (var app in new[] { shared, separate })
        {
            (await app.GetAsync(app.BaseAddress, "/orders/1")).Dispose();
            foreach (var path in new[] { "/ping", "/health", "/alive", "/env", "/metrics-text", "/metrics" })
            {
                (await app.GetAsync(app.ManagementAddress, path)).Dispose();
            }

            var metrics = string.Empty;
            for (var scrape = 0; scrape < 20; scrape++)
            {
                metrics = await app.Client.GetStringAsync(new Uri(app.ManagementAddress, "/metrics"));
            }

            var durations = metrics.Split('\n').Where(l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)).ToList();
            Assert.HasCount(1, durations, metrics);
            StringAssert.Contains(durations[0], "http_route=\"/orders/{id:int}\"");
            StringAssert.EndsWith(durations[0], " 1");
        }
    }

}
