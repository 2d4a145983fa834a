using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MoniKit.Testing;

namespace MoniKit.AspNetCore.Tests;

[TestClass]
public sealed class RequestLoggingTests
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string Secret = "hunter2-9f8e7d";

    private static Task<TestApp> StartOrdersAsync(IDictionary<string, string?>? settings = null) => TestApp.StartAsync(app =>
    {
        app.MapGet("/orders/{id:int}", (int id) => Results.Ok(new { id }));
        app.MapGet("/missing", () => Results.NotFound());
        app.MapGet("/boom", string () => throw new InvalidOperationException("Boom \"quoted\"\r\nsecond line"));
    }, settings);

    private static Task<JsonElement> InboundLineAsync(TestApp app, string path) =>
        app.Capture.WaitForLineAsync(l => l.TryGetProperty("url.path", out var p) && p.GetString() == path && l.GetProperty("monikit.kind").GetString() is "http.inbound" or "exception");

    [TestMethod]
    public async Task Request_WithTraceparent_LogsRouteTemplateAndEchoesTraceId()
    {
        await using var app = await StartOrdersAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/42");
        request.Headers.Add("traceparent", $"00-{TraceId}-b7ad6b7169203331-01");
        request.Headers.UserAgent.ParseAdd("tests/1.0");

        using var response = await app.Client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(TraceId, response.Headers.GetValues("X-Trace-Id").Single());
        var line = await InboundLineAsync(app, "/orders/42");
        Assert.AreEqual("http.inbound", line.GetProperty("monikit.kind").GetString());
        Assert.AreEqual(TraceId, line.GetProperty("trace.id").GetString());
        Assert.AreEqual("/orders/{id:int}", line.GetProperty("http.route").GetString());
        Assert.AreEqual("GET", line.GetProperty("http.request.method").GetString());
        Assert.AreEqual(200, line.GetProperty("http.response.status_code").GetInt32());
        Assert.AreEqual("tests/1.0", line.GetProperty("user_agent.original").GetString());
        Assert.IsTrue(line.GetProperty("event.duration").GetInt64() > 0);
        Assert.AreEqual("info", line.GetProperty("log.level").GetString());
        Assert.AreEqual("orders.api", line.GetProperty("service.name").GetString());
        LogAssert.Conforms(app.Capture);
    }

    [TestMethod]
    public async Task Request_WithXTraceIdOnly_JoinsThatTrace()
    {
        await using var app = await StartOrdersAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/7");
        request.Headers.Add("X-Trace-Id", TraceId.ToUpperInvariant());

        using var response = await app.Client.SendAsync(request);

        Assert.AreEqual(TraceId, response.Headers.GetValues("X-Trace-Id").Single());
        var line = await InboundLineAsync(app, "/orders/7");
        Assert.AreEqual(TraceId, line.GetProperty("trace.id").GetString());
    }

    [TestMethod]
    public async Task Request_WithoutTraceContext_GetsFreshTraceId()
    {
        await using var app = await StartOrdersAsync();

        using var response = await app.Client.GetAsync("/orders/8");

        var traceId = response.Headers.GetValues("X-Trace-Id").Single();
        Assert.AreEqual(32, traceId.Length);
        var line = await InboundLineAsync(app, "/orders/8");
        Assert.AreEqual(traceId, line.GetProperty("trace.id").GetString());
    }

    [TestMethod]
    public async Task UnhandledException_ReturnsProblemDetailsAndLogsExactlyOneErrorLine()
    {
        await using var app = await StartOrdersAsync();

        using var response = await app.Client.GetAsync("/boom");

        Assert.AreEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var traceId = response.Headers.GetValues("X-Trace-Id").Single();
        Assert.AreEqual(traceId, body.GetProperty("traceId").GetString());
        Assert.AreEqual(500, body.GetProperty("status").GetInt32());
        Assert.IsFalse(body.GetRawText().Contains("Boom", StringComparison.Ordinal), "the exception message must not leak to the client");

        var line = await InboundLineAsync(app, "/boom");
        await app.App.StopAsync();
        var errors = app.Capture.Entries.Where(l => l.GetProperty("log.level").GetString() is "error" or "fatal").ToList();
        Assert.AreEqual(1, errors.Count, string.Join('\n', app.Capture.Lines));
        Assert.AreEqual("exception", line.GetProperty("monikit.kind").GetString());
        Assert.AreEqual("System.InvalidOperationException", line.GetProperty("error.type").GetString());
        Assert.AreEqual("Boom \"quoted\"\r\nsecond line", line.GetProperty("error.message").GetString());
        StringAssert.Contains(line.GetProperty("error.stack_trace").GetString(), "RequestLoggingTests");
        Assert.AreEqual(traceId, line.GetProperty("trace.id").GetString());
        Assert.AreEqual("/boom", line.GetProperty("http.route").GetString());
        Assert.AreEqual(500, line.GetProperty("http.response.status_code").GetInt32());
    }

    [TestMethod]
    public async Task Request_WithSecrets_NeverWritesThemAnywhere()
    {
        await using var app = await StartOrdersAsync(new Dictionary<string, string?> { ["MoniKit:Http:CaptureHeaders"] = "true", ["MoniKit:Http:CaptureBody"] = "true" });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/orders/5?password={Secret}&access_token={Secret}&page=2");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        request.Headers.Add("Cookie", $"session={Secret}");
        request.Headers.Add("X-Api-Key", Secret);
        request.Content = new StringContent($$"""{"user":"ann","password":"{{Secret}}"}""", System.Text.Encoding.UTF8, "application/json");

        (await app.Client.SendAsync(request)).Dispose();

        var line = await InboundLineAsync(app, "/orders/5");
        await app.App.StopAsync();
        StringAssert.Contains(line.GetProperty("url.query").GetString(), "page=2");
        StringAssert.Contains(line.GetProperty("url.query").GetString(), "password=[REDACTED]");
        Assert.AreEqual("[REDACTED]", line.GetProperty("http.request.header.authorization").GetString());
        StringAssert.Contains(line.GetProperty("http.request.body.content").GetString(), "\"user\":\"ann\"");
        var everything = app.Capture.Lines.Concat(Directory.EnumerateFiles(app.LogDirectory).SelectMany(File.ReadAllLines)).ToList();
        Assert.IsTrue(everything.Count > 0);
        Assert.IsFalse(everything.Any(l => l.Contains(Secret, StringComparison.Ordinal)), string.Join('\n', everything));
    }

    [TestMethod]
    public async Task Request_WithEncodedLineBreaks_WritesOneLinePerEvent()
    {
        await using var app = await StartOrdersAsync();

        (await app.Client.GetAsync("/orders/%0D%0A%7B%22forged%22:true%7D?x=%0D%0Ay")).Dispose();
        (await app.Client.GetAsync("/orders/3")).Dispose();
        await app.Capture.WaitForLineAsync(l => l.TryGetProperty("url.path", out var p) && p.GetString() == "/orders/3");
        await app.App.StopAsync();

        var fileLines = Directory.EnumerateFiles(app.LogDirectory, "*.json").SelectMany(File.ReadAllLines).ToList();
        LogAssert.Conforms(fileLines);
        Assert.IsFalse(fileLines.Any(l => l.StartsWith("{\"forged\"", StringComparison.Ordinal)));
        Assert.AreEqual(2, fileLines.Count(l => l.Contains("\"http.inbound\"", StringComparison.Ordinal)), string.Join('\n', fileLines));
    }

    [TestMethod]
    [DataRow("/missing", 404, "warn")]
    [DataRow("/nowhere", 404, "warn")]
    [DataRow("/orders/1", 200, "info")]
    public async Task Request_Status_ChoosesLevel(string path, int status, string level)
    {
        await using var app = await StartOrdersAsync();

        using var response = await app.Client.GetAsync(path);

        Assert.AreEqual(status, (int)response.StatusCode);
        var line = await InboundLineAsync(app, path);
        Assert.AreEqual(level, line.GetProperty("log.level").GetString());
        if (path == "/nowhere")
        {
            Assert.IsFalse(line.TryGetProperty("http.route", out _), "an unmatched request has no route");
        }
    }

    [TestMethod]
    public async Task Request_AbortedByClient_StillLogsOneLineWith499()
    {
        await using var app = await TestApp.StartAsync(web => web.MapGet("/slow", async (HttpContext context) =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
            return Results.Ok();
        }));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAsync<OperationCanceledException>(() => app.Client.GetAsync("/slow", cancel.Token));

        var line = await InboundLineAsync(app, "/slow");
        Assert.AreEqual("http.inbound", line.GetProperty("monikit.kind").GetString());
        Assert.AreEqual(499, line.GetProperty("http.response.status_code").GetInt32());
        Assert.AreEqual("warn", line.GetProperty("log.level").GetString());
        Assert.IsFalse(line.TryGetProperty("error.type", out _), "a client that goes away is not an application error");
    }

    [TestMethod]
    public async Task Request_SlowerThanThreshold_LogsWarn()
    {
        await using var app = await StartOrdersAsync(new Dictionary<string, string?> { ["MoniKit:Http:SlowRequestThresholdMs"] = "0" });

        (await app.Client.GetAsync("/orders/1")).Dispose();

        var line = await InboundLineAsync(app, "/orders/1");
        Assert.AreEqual("warn", line.GetProperty("log.level").GetString());
    }

    [TestMethod]
    public async Task AddMoniKit_InvalidSetting_FailsNamingTheKey()
    {
        var ex = await Assert.ThrowsExactlyAsync<MoniKitConfigurationException>(() =>
            StartOrdersAsync(new Dictionary<string, string?> { ["MoniKit:Http:SlowRequestThresholdMs"] = "-5" }));
        StringAssert.Contains(ex.Message, "MoniKit:Http:SlowRequestThresholdMs");
    }
}
