using System.Net;
using MoniKit.Testing;

namespace MoniKit.AspNetCore.Tests;

[TestClass]
public sealed class OutboundLoggingTests
{
    private const string TraceId = "5bd66ef5095369c7b0d1f8f4bd33716a";

    [TestMethod]
    public async Task OutboundCall_ThroughFactory_IsLoggedAndCarriesTraceContext()
    {
        string? receivedTraceparent = null;
        await using var downstream = await StartDownstreamAsync(context =>
        {
            receivedTraceparent = context.Request.Headers["traceparent"].ToString();
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        var downstreamUrl = downstream.Urls.Single();

        await using var app = await TestApp.StartAsync(web => web.MapGet("/proxy", async (IHttpClientFactory factory) =>
        {
            using var client = factory.CreateClient("inventory");
            using var response = await client.GetAsync($"{downstreamUrl}/stock?api_key=abc123&sku=7");
            return Results.Ok((int)response.StatusCode);
        }));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/proxy");
        request.Headers.Add("traceparent", $"00-{TraceId}-b7ad6b7169203331-01");

        using var result = await app.Client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, result.StatusCode);
        Assert.IsNotNull(receivedTraceparent);
        StringAssert.StartsWith(receivedTraceparent, $"00-{TraceId}-");
        var line = await app.Capture.WaitForLineAsync(l => l.GetProperty("monikit.kind").GetString() == "http.outbound");
        Assert.AreEqual(TraceId, line.GetProperty("trace.id").GetString());
        Assert.AreEqual("GET", line.GetProperty("http.request.method").GetString());
        Assert.AreEqual(204, line.GetProperty("http.response.status_code").GetInt32());
        Assert.AreEqual("127.0.0.1", line.GetProperty("server.address").GetString());
        var url = line.GetProperty("url.full").GetString()!;
        StringAssert.Contains(url, "/stock?api_key=[REDACTED]&sku=7");
        Assert.IsFalse(app.Capture.Lines.Any(l => l.Contains("abc123", StringComparison.Ordinal)));
        LogAssert.Conforms(app.Capture);
    }

    [TestMethod]
    public async Task OutboundCall_Failing_IsLoggedAtWarnAndRethrown()
    {
        var closedPort = FreePort.Next();
        await using var app = await TestApp.StartAsync(web => web.MapGet("/proxy", async (IHttpClientFactory factory) =>
        {
            using var client = factory.CreateClient();
            try
            {
                using var response = await client.GetAsync($"http://127.0.0.1:{closedPort}/x");
                return Results.Ok();
            }
            catch (HttpRequestException)
            {
                return Results.StatusCode(502);
            }
        }));

        using var result = await app.Client.GetAsync("/proxy");

        Assert.AreEqual(HttpStatusCode.BadGateway, result.StatusCode);
        var line = await app.Capture.WaitForLineAsync(l => l.GetProperty("monikit.kind").GetString() == "http.outbound");
        Assert.AreEqual("warn", line.GetProperty("log.level").GetString());
        Assert.AreEqual("System.Net.Http.HttpRequestException", line.GetProperty("error.type").GetString());
        Assert.AreEqual("failure", line.GetProperty("event.outcome").GetString());
    }

    private static async Task<WebApplication> StartDownstreamAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        return app;
    }
}
