using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MoniKit.Templates.Tests.Infrastructure;

namespace MoniKit.Templates.Tests;

/// <summary>
/// The generated services export traces to a loopback OTLP receiver once the standard variables are set, with the ids
/// of their log lines, and export nothing without them. One generated project per template.
/// </summary>
[TestClass]
public sealed class TracingTemplateTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string CallerSpanId = "00f067aa0ba902b7";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [TestMethod]
    public async Task WebApi_WithOtlpEndpoint_ExportsRequestSpansWithTheIdsOfItsLinesAndNothingWithout()
    {
        var project = await GeneratedProject.CreateAsync("monikit-webapi", "Shop", "--tests", "false", "--compose", "false");
        await project.BuildAsync();
        await using var receiver = new OtlpReceiver();

        await using (var service = await project.StartAsync(Export(receiver)))
        {
            Assert.AreEqual(HttpStatusCode.OK, await GetAsync(service, "/orders/42"));
            var span = await receiver.WaitForSpanAsync(s => s.TraceId == TraceId, Timeout);
            await service.StopAsync();

            var line = Lines(service).Single(l => l.Get("monikit.kind") == "http.inbound" && l.Get("url.path") == "/orders/42");
            Assert.AreEqual("GET /orders/{id:int}", span.Name);
            Assert.AreEqual(CallerSpanId, span.ParentSpanId);
            Assert.AreEqual(line.Get("trace.id"), span.TraceId);
            Assert.AreEqual(line.Get("span.id"), span.SpanId);
            Assert.AreEqual("shop", span.Resource["service.name"]);
            Assert.AreEqual(line.Get("service.version"), span.Resource["service.version"]);
            Assert.AreEqual("Production", span.Resource["deployment.environment.name"]);
            Assert.AreEqual(line.Get("host.name"), span.Resource["host.name"]);
        }

        var received = receiver.Requests.Count;
        await using (var service = await project.StartAsync())
        {
            Assert.AreEqual(HttpStatusCode.OK, await GetAsync(service, "/orders/43"));
            await service.StopAsync();
            Assert.IsTrue(Lines(service).Any(l => l.Get("url.path") == "/orders/43" && l.Get("trace.id") == TraceId));
        }

        Assert.AreEqual(received, receiver.Requests.Count, "exported without OTEL_EXPORTER_OTLP_ENDPOINT: " + string.Join(", ", receiver.Requests));
    }

    [TestMethod]
    public async Task Data_WithOtlpEndpoint_ExportsDbSpansAsChildrenOfTheRequestSpan()
    {
        var project = await GeneratedProject.CreateAsync("monikit-data", "Catalog", "--tests", "false", "--compose", "false");
        await project.BuildAsync();
        await using var receiver = new OtlpReceiver();
        const string Name = "secret-product-7f3a";

        await using var service = await project.StartAsync(Export(receiver));
        using var create = new HttpRequestMessage(HttpMethod.Post, "/products") { Content = JsonContent.Create(new { name = Name, priceCents = 1250 }) };
        create.Headers.Add("traceparent", $"00-{TraceId}-{CallerSpanId}-01");
        using (var response = await service.Client.SendAsync(create))
        {
            Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        }

        var spans = await receiver.WaitForAsync(s => s.Count(x => x.TraceId == TraceId) >= 2, Timeout);
        await service.StopAsync();

        var server = spans.Single(s => s.TraceId == TraceId && s.Kind == 2);
        var db = spans.Single(s => s.TraceId == TraceId && s.Scope == "MoniKit.Data");
        Assert.AreEqual("POST /products/", server.Name);
        Assert.AreEqual(server.SpanId, db.ParentSpanId, "the db span is a child of the request span");
        Assert.AreEqual("INSERT products", db.Name);
        StringAssert.StartsWith(db.Attribute("db.query.text"), "INSERT INTO products");
        Assert.IsFalse(spans.Any(s => s.Attributes.Values.Any(v => v.Contains(Name, StringComparison.Ordinal))), "a parameter value reached a span");
        var query = Lines(service).Single(l => l.Get("monikit.kind") == "db.query" && l.Get("trace.id") == TraceId);
        Assert.AreEqual(db.SpanId, query.Get("span.id"));
        Assert.AreEqual(query.Get("db.query.text"), db.Attribute("db.query.text"));
    }

    [TestMethod]
    public async Task Worker_WithOtlpEndpoint_ExportsARootSpanPerJobRunWithoutAspNetCore()
    {
        var project = await GeneratedProject.CreateAsync("monikit-worker", "Billing", "--tests", "false", "--compose", "false");
        await project.BuildAsync();
        var deps = await File.ReadAllTextAsync(Path.Combine(project.ServiceDirectory, "bin", "Release", "net10.0", "Billing.deps.json"));
        StringAssert.Contains(deps, "OpenTelemetry.Exporter.OpenTelemetryProtocol");
        Assert.IsFalse(deps.Contains("Microsoft.AspNetCore", StringComparison.Ordinal), "tracing brought ASP.NET Core into the worker");
        await using var receiver = new OtlpReceiver();
        var port = FreePort.Next();
        var environment = Export(receiver);
        environment["MoniKit__Management__Port"] = port.ToString(CultureInfo.InvariantCulture);
        environment["MoniKit__Management__Host"] = "127.0.0.1";
        environment["MoniKit__Jobs__Intervals__cleanup"] = "00:00:01";

        await using var service = await project.StartAsync(environment, "/ping", port);
        var jobs = await receiver.WaitForAsync(s => s.Count(x => x.Scope == "MoniKit.Jobs") >= 2, Timeout);
        await service.StopAsync();

        var lines = Lines(service).Where(l => l.Get("monikit.kind") == "job").ToList();
        foreach (var span in jobs.Where(s => s.Scope == "MoniKit.Jobs"))
        {
            Assert.AreEqual("job cleanup", span.Name);
            Assert.IsNull(span.ParentSpanId, "a job run is a root span");
            Assert.AreEqual("billing", span.Resource["service.name"]);
            var line = lines.Single(l => l.Get("trace.id") == span.TraceId);
            Assert.AreEqual(line.Get("span.id"), span.SpanId);
        }

        Assert.AreEqual(lines.Count, lines.Select(l => l.Get("trace.id")).Distinct().Count(), "each run has a trace of its own");
    }

    private static Dictionary<string, string?> Export(OtlpReceiver receiver) => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString(),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
    };

    private static async Task<HttpStatusCode> GetAsync(RunningService service, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", $"00-{TraceId}-{CallerSpanId}-01");
        using var response = await service.Client.SendAsync(request);
        return response.StatusCode;
    }

    private static List<JsonElement> Lines(RunningService service) =>
        [.. LogLines.ParseAll(LogLines.FromFiles(service.LogDirectory), "log files")];
}
