using System.Diagnostics.Metrics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace MoniKit.Metrics.Tests;

[TestClass]
public sealed class ManagementEndpointsTests
{
    private const string Secret = "s3cr3t-value-that-must-not-leak";

    [TestMethod]
    public async Task HandleAsync_Ping_ReturnsPongNoCache()
    {
        await using var host = await TestHost.StartAsync();

        var (response, body) = await host.GetAsync("/ping");

        Assert.AreEqual(200, response.StatusCode);
        Assert.AreEqual("pong\n", body);
        Assert.AreEqual("text/plain; charset=utf-8", response.ContentType);
        Assert.AreEqual("no-cache, no-store", response.Headers["Cache-Control"]);
    }

    [TestMethod]
    public async Task HandleAsync_UnknownPathOrDisabledEndpoint_ReturnsNull()
    {
        await using var host = await TestHost.StartAsync(new() { ["MoniKit:Management:EnvEnabled"] = "false" });

        Assert.IsNull(await host.Endpoints.HandleAsync(new ManagementRequest("GET", "/orders", _ => null), CancellationToken.None));
        Assert.IsNull(await host.Endpoints.HandleAsync(new ManagementRequest("GET", "/env", _ => null), CancellationToken.None));
        CollectionAssert.AreEquivalent(new[] { "/metrics", "/metrics-text", "/ping", "/health", "/alive" }, host.Endpoints.Paths.ToArray());
    }

    [TestMethod]
    public async Task HandleAsync_Post_Returns405()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Endpoints.HandleAsync(new ManagementRequest("POST", "/ping", _ => null), CancellationToken.None);

        Assert.AreEqual(405, response!.StatusCode);
        Assert.AreEqual("GET, HEAD", response.Headers["Allow"]);
    }

    [TestMethod]
    public async Task HandleAsync_Metrics_PrometheusTextWithBuildInfo()
    {
        await using var host = await TestHost.StartAsync();

        var (response, body) = await host.GetAsync("/metrics");

        Assert.AreEqual(200, response.StatusCode);
        Assert.AreEqual("text/plain; version=0.0.4; charset=utf-8", response.ContentType);
        StringAssert.Contains(body, "# TYPE monikit_build_info gauge\nmonikit_build_info{service_environment=\"Staging\",service_name=\"orders.api\",service_version=\"");
        StringAssert.Contains(body, "# TYPE dotnet_gc_collections_total counter\n");
    }

    [TestMethod]
    public async Task HandleAsync_MetricsWithCollidingAttributesFromAUsersMeters_AcceptedByPromtool()
    {
        await using var host = await TestHost.StartAsync(new() { ["MoniKit:Metrics:Meters:0"] = "MyCompany.*" });
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var orders = factory.Create("MyCompany.Orders");
        var billing = factory.Create("MyCompany.Billing");
        KeyValuePair<string, object?>[] colliding = [new("http.route", "/orders"), new("http_route", "/v2/orders"), new("tags", new[] { "a", "b" })];
        orders.CreateCounter<long>("shop.requests").Add(2, colliding);
        billing.CreateCounter<long>("shop.requests").Add(3, colliding);
        orders.CreateHistogram<double>("shop.request.duration", "s").Record(0.2, [.. colliding, new("le", "gold")]);

        var (_, metrics) = await host.GetAsync("/metrics");
        var promtool = await DebianPrograms.RequireAsync("promtool", "prometheus");
        var check = await ProcessRunner.RunAsync(promtool, ["check", "metrics"], input: metrics);

        Assert.AreEqual(0, check.ExitCode, check.Output + "\n" + metrics);
        StringAssert.Contains(metrics, "shop_requests_total{http_route=\"/orders;/v2/orders\",tags=\"[\\\"a\\\",\\\"b\\\"]\",otel_scope_name=\"MyCompany.Orders\"} 2\n");
        StringAssert.Contains(metrics, "shop_requests_total{http_route=\"/orders;/v2/orders\",tags=\"[\\\"a\\\",\\\"b\\\"]\",otel_scope_name=\"MyCompany.Billing\"} 3\n");
        StringAssert.Contains(metrics, "shop_request_duration_seconds_count{http_route=\"/orders;/v2/orders\",key_le=\"gold\",tags=\"[\\\"a\\\",\\\"b\\\"]\"} 1\n");
    }

    [TestMethod]
    public async Task HandleAsync_MetricsWithAcceptEncodingGzip_ReturnsGzip()
    {
        await using var host = await TestHost.StartAsync();

        var (response, _) = await host.GetAsync("/metrics", ("Accept-Encoding", "deflate, gzip;q=0.8"));

        Assert.AreEqual("gzip", response.Headers["Content-Encoding"]);
        using var gzip = new GZipStream(new MemoryStream(response.Body.ToArray()), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        StringAssert.StartsWith(await reader.ReadToEndAsync(), "# HELP ");
        var (plain, _) = await host.GetAsync("/metrics", ("Accept-Encoding", "gzip;q=0"));
        Assert.IsFalse(plain.Headers.ContainsKey("Content-Encoding"));
    }

    [TestMethod]
    public async Task HandleAsync_MetricsText_ReadableSummary()
    {
        await using var host = await TestHost.StartAsync();

        var (response, body) = await host.GetAsync("/metrics-text");

        Assert.AreEqual(200, response.StatusCode);
        StringAssert.StartsWith(body, "orders.api ");
        StringAssert.Contains(body, "\nmonikit.build.info (MoniKit.Metrics)\n  service.environment=Staging, service.name=orders.api, service.version=");
    }

    [TestMethod]
    public async Task HandleAsync_Env_ReportsRuntimeAndNoConfigurationValue()
    {
        await using var host = await TestHost.StartAsync(new() { ["ConnectionStrings:Db"] = $"Host=db;Password={Secret}", ["Api:Key"] = Secret });
        Environment.SetEnvironmentVariable("MONIKIT_TEST_SECRET", Secret);
        try
        {
            foreach (var path in new[] { "/env", "/metrics", "/metrics-text", "/health", "/alive" })
            {
                var (_, text) = await host.GetAsync(path);
                Assert.IsFalse(text.Contains(Secret, StringComparison.Ordinal), path);
            }

            var (response, body) = await host.GetAsync("/env");
            Assert.AreEqual("application/json; charset=utf-8", response.ContentType);
            using var json = JsonDocument.Parse(body);
            Assert.AreEqual("orders.api", json.RootElement.GetProperty("name").GetString());
            Assert.AreEqual(Environment.MachineName, json.RootElement.GetProperty("host").GetString());
            StringAssert.StartsWith(json.RootElement.GetProperty("framework").GetString(), ".NET ");
            Assert.IsGreaterThan(0, json.RootElement.GetProperty("uptimeSeconds").GetDouble());
            Assert.IsTrue(DateTimeOffset.TryParse(json.RootElement.GetProperty("processStartTime").GetString(), out _));
        }
        finally
        {
            Environment.SetEnvironmentVariable("MONIKIT_TEST_SECRET", null);
        }
    }

    [TestMethod]
    public async Task HandleAsync_HealthWithUnhealthyCheck_503AndAliveStill200()
    {
        await using var host = await TestHost.StartAsync(configure: b =>
            b.Services.AddHealthChecks().AddCheck("database", () => HealthCheckResult.Unhealthy("database unreachable", new InvalidOperationException(Secret))));

        var (health, healthBody) = await host.GetAsync("/health");
        var (alive, aliveBody) = await host.GetAsync("/alive");

        Assert.AreEqual(503, health.StatusCode);
        using var json = JsonDocument.Parse(healthBody);
        Assert.AreEqual("Unhealthy", json.RootElement.GetProperty("status").GetString());
        Assert.AreEqual("database unreachable", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
        Assert.AreEqual("Healthy", json.RootElement.GetProperty("checks").GetProperty("self").GetProperty("status").GetString());
        Assert.IsFalse(healthBody.Contains(Secret, StringComparison.Ordinal));
        Assert.AreEqual(200, alive.StatusCode);
        using var aliveJson = JsonDocument.Parse(aliveBody);
        Assert.AreEqual("self", aliveJson.RootElement.GetProperty("checks").EnumerateObject().Single().Name);
    }

    [TestMethod]
    public async Task HandleAsync_BearerTokenConfigured_ProtectsEnvAndMetrics()
    {
        await using var host = await TestHost.StartAsync(new() { ["MoniKit:Management:BearerToken"] = Secret });

        foreach (var path in new[] { "/env", "/metrics", "/metrics-text" })
        {
            var (missing, missingBody) = await host.GetAsync(path);
            Assert.AreEqual(401, missing.StatusCode, path);
            Assert.AreEqual("Bearer realm=\"monikit\"", missing.Headers["WWW-Authenticate"]);
            Assert.IsFalse(missingBody.Contains(Secret, StringComparison.Ordinal));
            var (wrong, _) = await host.GetAsync(path, ("Authorization", "Bearer " + Secret[..^1]));
            Assert.AreEqual(401, wrong.StatusCode, path);
            StringAssert.Contains(wrong.Headers["WWW-Authenticate"], "invalid_token");
            var (right, _) = await host.GetAsync(path, ("Authorization", "Bearer " + Secret));
            Assert.AreEqual(200, right.StatusCode, path);
        }

        var (ping, _) = await host.GetAsync("/ping");
        Assert.AreEqual(200, ping.StatusCode);
    }

    [TestMethod]
    public async Task HandleAsync_BearerTokenFile_ReadsTokenFromFile()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "file-token\n");
        try
        {
            await using var host = await TestHost.StartAsync(new() { ["MoniKit:Management:BearerTokenFile"] = file });

            Assert.AreEqual(401, (await host.GetAsync("/metrics")).Response.StatusCode);
            Assert.AreEqual(200, (await host.GetAsync("/metrics", ("Authorization", "bearer file-token"))).Response.StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestMethod]
    public void AddMoniKitMetrics_InvalidSettings_ThrowsNamingTheKeys()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["MoniKit:Metrics:MaxSeriesPerMetric"] = "0";

        var error = Assert.ThrowsExactly<MoniKitConfigurationException>(() => builder.AddMoniKitMetrics());
        StringAssert.Contains(error.Message, "MoniKit:Metrics:MaxSeriesPerMetric must be between 1 and 1000000 (was 0)");

        var second = Host.CreateApplicationBuilder();
        second.Configuration["MoniKit:Management:Port"] = "70000";
        second.Configuration["MoniKit:Management:PingPath"] = "ping";
        second.Configuration["MoniKit:Management:BearerTokenFile"] = "/nonexistent/token";
        var failures = Assert.ThrowsExactly<MoniKitConfigurationException>(() => second.AddMoniKitMetrics()).Failures;
        CollectionAssert.AreEqual(
            new[]
            {
                "MoniKit:Management:PingPath must be a path starting with '/' (was 'ping')",
                "MoniKit:Management:Port must be between 1 and 65535 (was 70000)",
                "MoniKit:Management:BearerTokenFile must name a readable, non-empty file",
            },
            failures.ToArray());
    }

    [TestMethod]
    public async Task AddMoniKitMetrics_CalledTwice_OneProviderAndOneSelfCheck()
    {
        await using var host = await TestHost.StartAsync(configure: b => b.AddMoniKitMetrics());

        var (health, body) = await host.GetAsync("/health");

        Assert.AreEqual(200, health.StatusCode);
        Assert.AreEqual(1, JsonDocument.Parse(body).RootElement.GetProperty("checks").EnumerateObject().Count());
        var (_, metrics) = await host.GetAsync("/metrics");
        Assert.AreEqual(1, metrics.Split('\n').Count(l => l.StartsWith("monikit_build_info{", StringComparison.Ordinal)));
    }
}
