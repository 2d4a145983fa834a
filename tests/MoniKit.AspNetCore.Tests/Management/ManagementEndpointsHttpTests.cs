using System.Diagnostics.Metrics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace MoniKit.AspNetCore.Tests.Management;

[TestClass]
public sealed class ManagementEndpointsHttpTests
{
    private const string Secret = "cfg-secret-0b7f3c9e1d";

    [TestMethod]
    public async Task Metrics_RealApplication_AcceptedByPromtool()
    {
        await using var app = await ManagementWebApp.StartAsync();
        var meter = app.App.Services.GetRequiredService<IMeterFactory>().Create("MoniKit.Tests");
        meter.CreateCounter<long>("monikit.test.events", "{event}", "Test events.").Add(3, new KeyValuePair<string, object?>("level", "error"));
        foreach (var path in new[] { "/orders/1", "/orders/2", "/nothing-here", "/ping" })
        {
            using var response = await app.GetAsync(path, app.BaseAddress);
        }

        var metrics = await app.MetricsAsync();
        var (exitCode, output) = await Promtool.CheckMetricsAsync(metrics);

        Assert.AreEqual(0, exitCode, output + "\n" + metrics);
        StringAssert.Contains(metrics, "# TYPE http_server_request_duration_seconds histogram\n");
        StringAssert.Contains(metrics, "http_route=\"/orders/{id}\"");
        StringAssert.Contains(metrics, "# TYPE kestrel_active_connections gauge\n");
        StringAssert.Contains(metrics, "# TYPE dotnet_gc_collections_total counter\n");
        StringAssert.Contains(metrics, "# TYPE dotnet_assembly_count_value gauge\n");
        StringAssert.Contains(metrics, "monikit_test_events_total{level=\"error\"} 3\n");
        StringAssert.Contains(metrics, "monikit_build_info{service_environment=\"Production\",service_name=\"orders.api\",service_version=\"");
    }

    [TestMethod]
    public async Task Metrics_RequestDuration_SemanticConventionBuckets()
    {
        await using var app = await ManagementWebApp.StartAsync();
        using (await app.GetAsync("/orders/7", app.BaseAddress))
        {
        }

        var metrics = await app.MetricsAsync();

        var bounds = metrics.Split('\n')
            .Where(l => l.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal) && l.Contains("http_route=\"/orders/{id}\"", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("le=\"", StringComparison.Ordinal) + 4)..l.LastIndexOf('"')]);
        Assert.AreEqual("0.005,0.01,0.025,0.05,0.075,0.1,0.25,0.5,0.75,1,2.5,5,7.5,10,+Inf", string.Join(',', bounds), metrics);
    }

    [TestMethod]
    public async Task Endpoints_SecretInConfiguration_AppearsInNoResponse()
    {
        await using var app = await ManagementWebApp.StartAsync(new()
        {
            ["ConnectionStrings:Orders"] = $"Host=db;Password={Secret}",
            ["Payments:ApiKey"] = Secret,
            ["MoniKit:Management:BearerToken"] = "token-" + Secret,
        });
        app.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "token-" + Secret);

        foreach (var path in new[] { "/env", "/metrics", "/metrics-text", "/health", "/alive", "/ping" })
        {
            using var response = await app.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, path);
            Assert.IsFalse(body.Contains(Secret, StringComparison.Ordinal), path + ": " + body);
            Assert.IsFalse(response.Headers.ToString().Contains(Secret, StringComparison.Ordinal), path);
        }
    }

    [TestMethod]
    public async Task Endpoints_BearerTokenSet_401WithChallengeUntilTokenSent()
    {
        await using var app = await ManagementWebApp.StartAsync(new() { ["MoniKit:Management:BearerToken"] = "let-me-in" });

        using var anonymous = await app.GetAsync("/metrics");
        using var ping = await app.GetAsync("/ping");
        app.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "let-me-in");
        using var authorized = await app.GetAsync("/env");

        Assert.AreEqual(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.AreEqual("Bearer realm=\"monikit\"", anonymous.Headers.WwwAuthenticate.ToString());
        Assert.AreEqual(HttpStatusCode.OK, ping.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, authorized.StatusCode);
        Assert.AreEqual("application/json; charset=utf-8", authorized.Content.Headers.ContentType!.ToString());
    }

    [TestMethod]
    public async Task Metrics_AcceptEncodingGzip_CompressedWithPrometheusContentType()
    {
        await using var app = await ManagementWebApp.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(app.ManagementAddress, "/metrics"));
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        using var response = await app.Client.SendAsync(request);
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var text = await reader.ReadToEndAsync();

        Assert.AreEqual("gzip", string.Join(',', response.Content.Headers.ContentEncoding));
        Assert.AreEqual("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        StringAssert.StartsWith(text, "# HELP ");
        StringAssert.Contains(text, "monikit_build_info{");
    }

    [TestMethod]
    public async Task Endpoints_ManagementPortSet_ServedOnlyOnThatPort()
    {
        await using var app = await ManagementWebApp.StartAsync(managementPort: true);

        using var onManagement = await app.GetAsync("/metrics", app.ManagementAddress);
        using var pingOnManagement = await app.GetAsync("/ping", app.ManagementAddress);
        using var onApp = await app.GetAsync("/metrics", app.BaseAddress);
        using var orders = await app.GetAsync("/orders/5", app.BaseAddress);
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, new Uri(app.BaseAddress, "/ping"));
        spoofed.Headers.Host = app.ManagementAddress.Authority;
        using var spoofedResponse = await app.Client.SendAsync(spoofed);

        Assert.AreNotEqual(app.BaseAddress.Port, app.ManagementAddress.Port);
        Assert.AreEqual(HttpStatusCode.OK, onManagement.StatusCode);
        Assert.AreEqual("pong\n", await pingOnManagement.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.NotFound, onApp.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, orders.StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, spoofedResponse.StatusCode);
    }

    [TestMethod]
    public async Task IsManagementRequest_ScrapeAndApplicationRequest_ToldApart()
    {
        await using var app = await ManagementWebApp.StartAsync();

        using (await app.GetAsync("/ping"))
        using (await app.GetAsync("/health"))
        using (await app.GetAsync("/orders/3", app.BaseAddress))
        using (await app.GetAsync("/unknown", app.BaseAddress))
        {
        }

        CollectionAssert.AreEqual(
            new[] { ("/ping", true), ("/health", true), ("/orders/3", false), ("/unknown", false) },
            app.Seen.ToArray());
    }

    [TestMethod]
    public async Task Head_Ping_NoBodyButContentLength()
    {
        await using var app = await ManagementWebApp.StartAsync();

        using var response = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(app.ManagementAddress, "/ping")));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(5, response.Content.Headers.ContentLength);
        Assert.IsTrue(response.Headers.CacheControl is { NoCache: true, NoStore: true });
    }
}
