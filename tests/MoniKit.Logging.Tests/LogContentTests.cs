using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoniKit.Testing;
using static MoniKit.Logging.Tests.LogFileTests;

namespace MoniKit.Logging.Tests;

[TestClass]
public sealed class LogContentTests
{
    [TestMethod]
    public async Task Layout_InsideActivity_WritesItsTraceAndSpanIdsThroughTheAsyncQueue()
    {
        using var test = new TestHost();
        string? traceId = null;
        string? spanId = null;
        var lines = await LogAsync(test, logger =>
        {
            logger.LogInformation("outside");
            using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
            traceId = activity.TraceId.ToHexString();
            spanId = activity.SpanId.ToHexString();
            logger.LogInformation("inside");
        });

        var outside = Parse(lines[0]);
        Assert.IsFalse(outside.TryGetProperty("trace.id", out _));
        var inside = Parse(lines[1]);
        Assert.AreEqual(traceId, inside.GetProperty("trace.id").GetString());
        Assert.AreEqual(spanId, inside.GetProperty("span.id").GetString());
        LogAssert.Conforms(lines);
    }

    [TestMethod]
    public async Task Layout_SensitivePropertyNames_ValuesMasked()
    {
        using var test = new TestHost();
        var lines = await LogAsync(test, logger =>
        {
            using (logger.BeginScope(new Dictionary<string, object?> { ["SessionToken"] = "scope-secret-1" }))
            {
                logger.LogInformation("login {User} {Password} {ApiKey}", "bob", "hunter2-secret", "key-secret-2");
            }
        });

        var text = string.Join("\n", lines);
        Assert.DoesNotContain("hunter2-secret", text);
        Assert.DoesNotContain("key-secret-2", text);
        Assert.DoesNotContain("scope-secret-1", text);
        var line = Parse(lines.Single());
        Assert.AreEqual(Redaction.Mask, line.GetProperty("Password").GetString());
        Assert.AreEqual(Redaction.Mask, line.GetProperty("ApiKey").GetString());
        Assert.AreEqual(Redaction.Mask, line.GetProperty("SessionToken").GetString());
        Assert.AreEqual("bob", line.GetProperty("User").GetString());
    }

    [TestMethod]
    public async Task Layout_RedactionSettings_ExtraSecretNamesMaskedAndAllowedNamesKeptInTheLines()
    {
        using var test = new TestHost();
        var lines = await LogAsync(
            test,
            logger =>
            {
                using (logger.BeginScope(new Dictionary<string, object?> { ["CustomerIban"] = "DE-scope-iban" }))
                {
                    logger.LogInformation("paid from {PayerIban} for {MonkeyKey}", "DE-event-iban", "banana-7");
                }
            },
            new Dictionary<string, string?>
            {
                ["MoniKit:Redaction:SensitiveNames:0"] = "iban",
                ["MoniKit:Redaction:AllowedNames:0"] = "MonkeyKey",
            });

        var text = string.Join("\n", lines);
        Assert.DoesNotContain("DE-event-iban", text);
        Assert.DoesNotContain("DE-scope-iban", text);
        var line = Parse(lines.Single());
        Assert.AreEqual(Redaction.Mask, line.GetProperty("PayerIban").GetString());
        Assert.AreEqual(Redaction.Mask, line.GetProperty("CustomerIban").GetString());
        Assert.AreEqual("banana-7", line.GetProperty("MonkeyKey").GetString());
        Assert.AreEqual("paid from [REDACTED] for banana-7", line.GetProperty("message").GetString());
    }

    [TestMethod]
    public async Task Layout_StateListFromAspNetCore_FieldsAreTopLevelWithTheirKind()
    {
        using var test = new TestHost();
        var state = new List<KeyValuePair<string, object?>>
        {
            new(LogFields.Kind, EventKinds.HttpInbound),
            new(LogFields.HttpRequestMethod, "GET"),
            new(LogFields.UrlPath, "/orders/42"),
            new(LogFields.HttpRoute, "/orders/{id}"),
            new(LogFields.HttpResponseStatusCode, 200),
            new(LogFields.EventDuration, 1_234_567L),
            new(LogFields.ClientIp, "127.0.0.1"),
            new(LogFields.UserAgent, "curl/8"),
        };
        var lines = await LogAsync(test, logger =>
            logger.Log(LogLevel.Information, new EventId(1, "RequestFinished"), state, null, (_, _) => "GET /orders/{id} 200"));

        LogAssert.Conforms(lines);
        var line = Parse(lines.Single());
        Assert.AreEqual("http.inbound", line.GetProperty("monikit.kind").GetString());
        Assert.AreEqual("GET /orders/{id} 200", line.GetProperty("message").GetString());
        Assert.AreEqual("/orders/{id}", line.GetProperty("http.route").GetString());
        Assert.AreEqual(200, line.GetProperty("http.response.status_code").GetInt32());
        Assert.AreEqual(1_234_567L, line.GetProperty("event.duration").GetInt64());
        Assert.AreEqual("RequestFinished", line.GetProperty("event.action").GetString());
        Assert.IsFalse(line.TryGetProperty("EventId", out _));
    }

    [TestMethod]
    public async Task AddMoniKitLogging_LogLevelConfiguration_FiltersAreHonoured()
    {
        using var test = new TestHost();
        var lines = await LogAsync(
            test,
            logger =>
            {
                logger.LogInformation("dropped by filter");
                logger.LogWarning("kept");
            },
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });

        Assert.AreEqual("kept", Parse(lines.Single()).GetProperty("message").GetString());
    }

    [TestMethod]
    public async Task AddMoniKitLogging_CalledTwice_EachEventWrittenOnce()
    {
        using var test = new TestHost();
        var builder = test.CreateBuilder();
        builder.AddMoniKitLogging().AddMoniKitLogging(o => o.File = false);
        using var host = builder.Build();
        await host.StartAsync();
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<ILoggerFactory>(host.Services).CreateLogger("Test").LogInformation("once");
        await host.StopAsync();
        Assert.AreEqual(1, TestHost.ReadLines(test.LogFile).Count(l => l.Contains("\"once\"", StringComparison.Ordinal)));
    }
}
