using System.Text.Json;
using OpenTelemetry.Trace;

namespace MoniKit.Tracing.Tests;

[TestClass]
public sealed class WebTracingTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string CallerSpanId = "00f067aa0ba902b7";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [TestMethod]
    public async Task Request_SampledTraceparentWithVariablesSet_ExportsServerSpanWithTheIdsOfItsLogLine()
    {
        await using var receiver = new OtlpReceiver();
        await using var app = await TracedWebApp.StartAsync(TracedWebApp.ExportTo(receiver));

        Assert.AreEqual(200, await app.GetAsync("/orders/42", $"00-{TraceId}-{CallerSpanId}-01"));
        app.Flush();

        var line = await InboundLineAsync(app, "/orders/42");
        var span = await receiver.WaitForSpanAsync(s => s.TraceId == TraceId && s.Kind == 2, Timeout);
        Assert.AreEqual("GET /orders/{id:int}", span.Name);
        Assert.AreEqual(CallerSpanId, span.ParentSpanId);
        Assert.AreEqual(line.GetProperty("trace.id").GetString(), span.TraceId);
        Assert.AreEqual(line.GetProperty("span.id").GetString(), span.SpanId);
        Assert.AreEqual("/orders/{id:int}", span.Attribute("http.route"));
        Assert.AreEqual("200", span.Attribute("http.response.status_code"));
        Assert.AreEqual(line.GetProperty("service.name").GetString(), span.Resource["service.name"]);
        Assert.AreEqual(line.GetProperty("service.version").GetString(), span.Resource["service.version"]);
        Assert.AreEqual(line.GetProperty("service.environment").GetString(), span.Resource["deployment.environment.name"]);
        Assert.AreEqual(line.GetProperty("host.name").GetString(), span.Resource["host.name"]);
        CollectionAssert.AreEqual(new[] { "POST /v1/traces" }, receiver.Requests.Distinct().ToArray());
    }

    [TestMethod]
    public async Task ManagementRequests_SampledScrapesAndProbes_AreNoSpans()
    {
        await using var receiver = new OtlpReceiver();
        await using var app = await TracedWebApp.StartAsync(TracedWebApp.ExportTo(receiver));
        const string ScrapeTraceId = "0af7651916cd43dd8448eb211c80319c";

        foreach (var path in new[] { "/metrics", "/health", "/alive", "/ping" })
        {
            Assert.AreEqual(200, await app.GetAsync(path, $"00-{ScrapeTraceId}-{CallerSpanId}-01"));
        }

        // A request after the scrapes: once its span has arrived, the scrapes' would have too.
        Assert.AreEqual(200, await app.GetAsync("/orders/42", $"00-{TraceId}-{CallerSpanId}-01"));
        await receiver.WaitForSpanAsync(s => s.TraceId == TraceId && s.Kind == 2, Timeout);
        Assert.IsFalse(receiver.Spans.Any(s => s.TraceId == ScrapeTraceId), string.Join('\n', receiver.Spans));
    }

    [TestMethod]
    public async Task Request_NoVariables_BuildsNoTracerAndExportsNothing()
    {
        await using var receiver = new OtlpReceiver();
        await using var app = await TracedWebApp.StartAsync();

        Assert.AreEqual(200, await app.GetAsync("/orders/42", $"00-{TraceId}-{CallerSpanId}-01"));
        Assert.AreEqual(200, await app.GetAsync("/tables"));

        var line = await InboundLineAsync(app, "/orders/42");
        Assert.AreEqual(TraceId, line.GetProperty("trace.id").GetString(), "trace context works without a tracer");
        Assert.IsNull(app.App.Services.GetService<TracerProvider>());
        await app.App.StopAsync();
        Assert.IsEmpty(receiver.Requests);
    }

    [TestMethod]
    public async Task Request_UnsampledTraceparent_LogsItsTraceIdButIsNotExported()
    {
        await using var receiver = new OtlpReceiver();
        await using var app = await TracedWebApp.StartAsync(TracedWebApp.ExportTo(receiver));

        Assert.AreEqual(200, await app.GetAsync("/orders/7", $"00-{TraceId}-{CallerSpanId}-00"));
        Assert.AreEqual(200, await app.GetAsync("/orders/8"));
        app.Flush();

        var unsampled = await InboundLineAsync(app, "/orders/7");
        Assert.AreEqual(TraceId, unsampled.GetProperty("trace.id").GetString());
        Assert.AreEqual(16, unsampled.GetProperty("span.id").GetString()!.Length);
        var root = await InboundLineAsync(app, "/orders/8");
        var exported = await receiver.WaitForSpanAsync(s => s.Name == "GET /orders/{id:int}", Timeout);
        Assert.AreEqual(root.GetProperty("trace.id").GetString(), exported.TraceId, "a request without traceparent is sampled by the default sampler");
        Assert.IsNull(exported.ParentSpanId);
        Assert.IsFalse(receiver.Spans.Any(s => s.TraceId == TraceId), string.Join('\n', receiver.Spans));
    }

    [TestMethod]
    public async Task Request_AlwaysOffSamplerAndSampledTraceparent_IsLoggedButNotExported()
    {
        await using var receiver = new OtlpReceiver();
        var settings = TracedWebApp.ExportTo(receiver);
        settings["OTEL_TRACES_SAMPLER"] = "always_off";
        await using var app = await TracedWebApp.StartAsync(settings);

        Assert.AreEqual(200, await app.GetAsync("/orders/42", $"00-{TraceId}-{CallerSpanId}-01"));
        app.Flush();

        var line = await InboundLineAsync(app, "/orders/42");
        Assert.AreEqual(TraceId, line.GetProperty("trace.id").GetString());
        Assert.IsEmpty(receiver.Spans, string.Join('\n', receiver.Spans));
    }

    [TestMethod]
    public async Task OutboundCall_DuringARequest_IsAClientSpanChildOfTheRequestSpan()
    {
        await using var receiver = new OtlpReceiver();
        await using var app = await TracedWebApp.StartAsync(TracedWebApp.ExportTo(receiver));

        Assert.AreEqual(200, await app.GetAsync($"/outbound?target={Uri.EscapeDataString(receiver.Endpoint.ToString().TrimEnd('/'))}", $"00-{TraceId}-{CallerSpanId}-01"));
        app.Flush();

        var spans = await receiver.WaitForAsync(s => s.Count(x => x.TraceId == TraceId) >= 2, Timeout);
        var server = spans.Single(s => s.TraceId == TraceId && s.Kind == 2);
        var client = spans.Single(s => s.TraceId == TraceId && s.Kind == 3);
        Assert.AreEqual(server.SpanId, client.ParentSpanId);
        Assert.AreEqual("GET", client.Name);
        Assert.AreEqual("404", client.Attribute("http.response.status_code"));
        Assert.IsFalse(client.Attributes.Values.Any(v => v.Contains("abc123", StringComparison.Ordinal)), string.Join(", ", client.Attributes));
        Assert.IsTrue(receiver.Requests.Contains("GET /stock"), string.Join(", ", receiver.Requests));
    }

    [TestMethod]
    public async Task DbCommand_DuringARequest_IsADbSpanChildOfTheRequestSpanWithTheIdsOfItsLine()
    {
        await using var receiver = new OtlpReceiver();
        await using var app = await TracedWebApp.StartAsync(TracedWebApp.ExportTo(receiver));

        Assert.AreEqual(200, await app.GetAsync("/tables", $"00-{TraceId}-{CallerSpanId}-01"));
        app.Flush();

        var spans = await receiver.WaitForAsync(s => s.Count(x => x.TraceId == TraceId) >= 2, Timeout);
        var server = spans.Single(s => s.TraceId == TraceId && s.Kind == 2);
        var db = spans.Single(s => s.TraceId == TraceId && s.Scope == "MoniKit.Data");
        Assert.AreEqual(server.SpanId, db.ParentSpanId);
        Assert.AreEqual("SELECT sqlite_master", db.Name);
        Assert.AreEqual(3, db.Kind);
        Assert.AreEqual("sqlite", db.Attribute("db.system.name"));
        Assert.AreEqual("SELECT", db.Attribute("db.operation.name"));
        Assert.AreEqual("sqlite_master", db.Attribute("db.collection.name"));
        var query = await app.Capture.WaitForLineAsync(l => l.GetProperty("monikit.kind").GetString() == "db.query");
        Assert.AreEqual(query.GetProperty("db.query.text").GetString(), db.Attribute("db.query.text"));
        Assert.IsFalse(db.Attribute("db.query.text")!.Contains("'table'", StringComparison.Ordinal), "literals are masked");
        Assert.IsFalse(db.Attributes.Values.Any(v => v.Contains(TracedWebApp.ParameterValue, StringComparison.Ordinal)), string.Join(", ", db.Attributes));
        Assert.AreEqual(TraceId, query.GetProperty("trace.id").GetString());
        Assert.AreEqual(db.SpanId, query.GetProperty("span.id").GetString());
        var inbound = await InboundLineAsync(app, "/tables");
        Assert.AreEqual(server.SpanId, inbound.GetProperty("span.id").GetString());
    }

    [TestMethod]
    public async Task OtelServiceName_NamesTheLogLinesAndTheSpans()
    {
        await using var receiver = new OtlpReceiver();
        var settings = TracedWebApp.ExportTo(receiver);
        settings["OTEL_SERVICE_NAME"] = "orders-eu";
        await using var app = await TracedWebApp.StartAsync(settings);

        Assert.AreEqual(200, await app.GetAsync("/orders/1"));
        app.Flush();

        var line = await InboundLineAsync(app, "/orders/1");
        var span = await receiver.WaitForSpanAsync(s => s.TraceId == line.GetProperty("trace.id").GetString(), Timeout);
        Assert.AreEqual("orders-eu", line.GetProperty("service.name").GetString());
        Assert.AreEqual("orders-eu", span.Resource["service.name"]);
    }

    [TestMethod]
    [DataRow("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json")]
    [DataRow("OTEL_TRACES_SAMPLER", "sometimes")]
    [DataRow("MoniKit:Tracing:SamplerArg", "2")]
    [DataRow("OTEL_SERVICE_NAME", "Orders EU")]
    public void AddMoniKit_BadTracingSetting_StopsTheServiceNamingTheKey(string key, string value)
    {
        var builder = TracedWebApp.CreateBuilder(new Dictionary<string, string?> { [key] = value }, Path.GetTempPath());

        var failure = Assert.ThrowsExactly<MoniKitConfigurationException>(() => builder.AddMoniKit(configure: null));

        StringAssert.Contains(failure.Message, key);
    }

    private static Task<JsonElement> InboundLineAsync(TracedWebApp app, string path) =>
        app.Capture.WaitForLineAsync(l => l.TryGetProperty("url.path", out var p) && p.GetString() == path && l.GetProperty("monikit.kind").GetString() == "http.inbound");
}
