using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using MoniKit.Testing;

namespace MoniKit.AspNetCore.Tests;

[TestClass]
public sealed class KestrelRejectionTests
{
    private const string Secret = "k3strel-s3cret-41c9";

    private static bool IsInbound(JsonElement line, int status) =>
        line.Text("monikit.kind") == "http.inbound" && line.Number("http.response.status_code") == status;

    [TestMethod]
    public async Task OversizedHeader_RejectedWith431_LeavesOneLineWithoutTheHeaderValue()
    {
        await using var app = await KestrelApp.StartAsync();
        var huge = string.Concat(Enumerable.Repeat(Secret, 4_000));

        var status = await RawHttp.SendAsync(app.Port, $"GET /orders/1 HTTP/1.1\r\nHost: localhost\r\nX-Session: {huge}\r\n\r\n");

        StringAssert.StartsWith(status, "HTTP/1.1 431");
        var line = await app.Capture.WaitForLineAsync(l => IsInbound(l, 431));
        Assert.AreEqual("warn", line.GetProperty("log.level").GetString());
        StringAssert.Contains(line.GetProperty("message").GetString(), "Request headers too long");
        await app.App.StopAsync();
        Assert.AreEqual(1, app.Capture.Entries.Count(l => IsInbound(l, 431)), string.Join('\n', app.Capture.Lines));
        Assert.IsFalse(app.Capture.Lines.Any(l => l.Contains(Secret, StringComparison.Ordinal)), string.Join('\n', app.Capture.Lines));
        LogAssert.Conforms(app.Capture);
    }

    [TestMethod]
    [DataRow("GET /orders/1 HTTP/1.1\r\nHost: localhost\r\nAuthorization Bearer " + Secret + "\r\n\r\n")]
    [DataRow("GET /orders/1?token=" + Secret + " HTTP/1.1 junk\r\nHost: localhost\r\n\r\n")]
    [DataRow("\u0001\u0002" + Secret + "\r\n\r\n")]
    public async Task BadBytes_RejectedWith400_LeavesOneLineWithoutTheRawText(string request)
    {
        await using var app = await KestrelApp.StartAsync();

        var status = await RawHttp.SendAsync(app.Port, request);

        StringAssert.StartsWith(status, "HTTP/1.1 400");
        var line = await app.Capture.WaitForLineAsync(l => IsInbound(l, 400));
        Assert.AreEqual("warn", line.GetProperty("log.level").GetString());
        await app.App.StopAsync();
        Assert.AreEqual(1, app.Capture.Entries.Count(l => IsInbound(l, 400)), string.Join('\n', app.Capture.Lines));
        Assert.IsFalse(app.Capture.Lines.Any(l => l.Contains(Secret, StringComparison.Ordinal)), string.Join('\n', app.Capture.Lines));
        LogAssert.Conforms(app.Capture);
    }

    [TestMethod]
    public async Task BodyOverKestrelsLimit_Answered413AndLoggedAtWarn_NotAsAnError()
    {
        await using var app = await KestrelApp.StartAsync(
            web => web.MapPost("/orders", async (HttpRequest request) => Results.Ok(await new StreamReader(request.Body).ReadToEndAsync())),
            configure: b => b.Services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = 16));

        using var response = await app.Client.PostAsync(new Uri(app.BaseAddress, "/orders"), new StringContent(new string('x', 1_000)));

        Assert.AreEqual(413, (int)response.StatusCode);
        var line = await app.Capture.WaitForLineAsync(l => IsInbound(l, 413));
        Assert.AreEqual("warn", line.GetProperty("log.level").GetString());
        Assert.AreEqual("/orders", line.GetProperty("url.path").GetString());
        await app.App.StopAsync();
        Assert.IsFalse(app.Capture.Entries.Any(l => l.Text("log.level") is "error" or "fatal"), string.Join('\n', app.Capture.Lines));
        Assert.AreEqual(1, app.Capture.Entries.Count(l => l.Text("monikit.kind") is "http.inbound" or "exception"), string.Join('\n', app.Capture.Lines));
    }

    [TestMethod]
    public async Task RequestStillRunningAtTheShutdownTimeout_LeavesOneLineWith499()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var left = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await KestrelApp.StartAsync(
            web => web.MapGet("/stuck", async () =>
            {
                entered.TrySetResult();
                await release.Task; // ignores RequestAborted, as careless code does
                return Results.Ok();
            }),
            configure: b =>
            {
                b.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
                b.Services.AddSingleton<IStartupFilter>(new AfterEachRequest(_ => left.TrySetResult()));
            });
        var pending = app.Client.GetAsync(new Uri(app.BaseAddress, "/stuck"));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await app.App.StopAsync();

        var line = await app.Capture.WaitForLineAsync(l => l.Text("url.path") == "/stuck");
        release.SetResult();
        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
        Assert.AreEqual(499, line.GetProperty("http.response.status_code").GetInt32());
        Assert.AreEqual("/stuck", line.GetProperty("http.route").GetString());
        Assert.IsGreaterThanOrEqualTo(1_000_000_000L, line.GetProperty("event.duration").GetInt64());
        await left.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.AreEqual(1, app.Capture.Entries.Count(l => l.Text("url.path") == "/stuck"), string.Join('\n', app.Capture.Lines));
    }
}
