using System.Text.Json;
using MoniKit.Testing;

namespace MoniKit.AspNetCore.Tests;

/// <summary>The schema v2 fields of the lines a request writes, on the ASP.NET Core test server.</summary>
[TestClass]
public sealed class RequestLogSchemaTests
{
    private static Task<TestApp> StartAsync() => TestApp.StartAsync(app =>
    {
        app.MapGet("/ok", () => Results.Ok());
        app.MapGet("/missing", () => Results.NotFound());
        app.MapGet("/unavailable", () => Results.StatusCode(503));
        app.MapGet("/boom", string () => throw new InvalidOperationException("boom"));
        app.MapGet("/orders/{id:int}", (int id, HttpContext http, ILogger<RequestLogSchemaTests> logger) =>
        {
#pragma warning disable CA1727 // Lower-case names that ECS uses for objects are what this test is about.
            logger.LogWarning("{user} {host} {url} {error} {OrderId}", "bob", "db-1", "/elsewhere", "none", id);
#pragma warning restore CA1727
            return http.TraceIdentifier;
        });
    });

    [TestMethod]
    [DataRow("/ok", "success")]
    [DataRow("/missing", "success")]
    [DataRow("/unavailable", "failure")]
    [DataRow("/boom", "failure")]
    public async Task Request_AnyStatus_InboundLineHasEventOutcome(string path, string outcome)
    {
        await using var app = await StartAsync();

        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));

        var line = await app.Capture.WaitForLineAsync(l => Is(l, "url.path", path) && l.TryGetProperty("event.duration", out _));
        Assert.AreEqual(outcome, line.GetProperty("event.outcome").GetString());
        LogAssert.Conforms(app.Capture);
    }

    [TestMethod]
    public async Task Request_AppLineWithEcsNames_RequestIdMappedNoScopeFieldsNothingLost()
    {
        await using var app = await StartAsync();

        var traceIdentifier = await app.Client.GetStringAsync(new Uri("/orders/42", UriKind.Relative));

        var line = await app.Capture.WaitForMessageAsync("bob db-1 /elsewhere none 42");
        var inbound = await app.Capture.WaitForLineAsync(l => Is(l, "monikit.kind", "http.inbound") && Is(l, "url.path", "/orders/42"));
        Assert.AreEqual("bob", line.GetProperty("labels.user").GetString());
        Assert.AreEqual("db-1", line.GetProperty("labels.host").GetString());
        Assert.AreEqual("/elsewhere", line.GetProperty("labels.url").GetString());
        Assert.AreEqual("none", line.GetProperty("labels.error").GetString());
        Assert.AreEqual(42, line.GetProperty("OrderId").GetInt32());
        Assert.AreEqual(traceIdentifier, line.GetProperty("http.request.id").GetString());
        Assert.AreEqual(traceIdentifier, inbound.GetProperty("http.request.id").GetString());
        foreach (var entry in app.Capture.Entries)
        {
            foreach (var name in new[] { "RequestId", "RequestPath", "ConnectionId" })
            {
                Assert.IsFalse(entry.TryGetProperty(name, out _), $"{name} in {entry}");
            }
        }

        LogAssert.Conforms(app.Capture);
    }

    private static bool Is(JsonElement line, string field, string value) =>
        line.TryGetProperty(field, out var actual) && actual.ValueKind == JsonValueKind.String && actual.GetString() == value;
}
