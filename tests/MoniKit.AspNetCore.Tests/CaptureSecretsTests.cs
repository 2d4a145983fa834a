using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MoniKit.Testing;

namespace MoniKit.AspNetCore.Tests;

/// <summary>
/// With header and body capture on, no secret sent in a header, a query, a form, a multipart form or a JSON body
/// (numeric, nested, escaped) reaches a log line or file, while the rest of the body is still captured.
/// </summary>
[TestClass]
public sealed class CaptureSecretsTests
{
    private static readonly string[] Secrets =
    [
        "form-hunter2", "918273645", "nested-c0ffee", "array-deadbeef", "escaped-f00d", "apikey-1b2c3d", "bearer-9z8y",
        "referer-7q6w", "multipart-5e4r", "location-3t2y", "cookie-1u0i", "sess-",
    ];

    [TestMethod]
    public async Task Requests_WithSecretsEverywhere_NoSecretLoggedAndBodiesStillCaptured()
    {
        await using var app = await TestApp.StartAsync(
            web => web.MapPost("/echo/{n:int}", async (int n, HttpRequest request) => Results.Text(await new StreamReader(request.Body).ReadToEndAsync())),
            new Dictionary<string, string?> { ["MoniKit:Http:CaptureHeaders"] = "true", ["MoniKit:Http:CaptureBody"] = "true" });
        var json = """{"user":"ann","pin":918273645,"credentials":{"user":"ann","value":"nested-c0ffee"},"tokens":["array-deadbeef"],"pass\u0077ord":"escaped-f00d"}""";
        var form = "user=bob&password=form-hunter2&page=2";
        using var multipart = new MultipartFormDataContent("b0undary")
        {
            { new StringContent("carol"), "user" },
            { new StringContent("multipart-5e4r"), "password" },
        };

        var echoed = new[]
        {
            await SendAsync(app, 1, new StringContent(json, Encoding.UTF8, "application/json")),
            await SendAsync(app, 2, new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded")),
            await SendAsync(app, 3, multipart),
        };
        var lines = new[] { await LineAsync(app, 1), await LineAsync(app, 2), await LineAsync(app, 3) };
        await app.App.StopAsync();

        var everything = app.Capture.Lines.Concat(Directory.EnumerateFiles(app.LogDirectory).SelectMany(File.ReadAllLines)).ToList();
        foreach (var secret in Secrets)
        {
            Assert.IsFalse(everything.Any(l => l.Contains(secret, StringComparison.Ordinal)), $"{secret} was logged:\n{string.Join('\n', everything)}");
        }

        Assert.AreEqual(json, echoed[0], "the endpoint still reads the whole body");
        Assert.AreEqual(form, echoed[1]);
        StringAssert.Contains(Body(lines[0]), "\"user\":\"ann\"");
        StringAssert.Contains(Body(lines[1]), "user=bob&password=[REDACTED]&page=2");
        StringAssert.Contains(Body(lines[2]), "\"user\":\"carol\"");
        Assert.AreEqual(Redaction.Mask, lines[0].GetProperty("http.request.header.x-api-key").GetString());
        Assert.AreEqual(Redaction.Mask, lines[0].GetProperty("http.request.header.authorization").GetString());
        Assert.AreEqual("https://shop.example/cart?token=[REDACTED]", lines[0].GetProperty("http.request.header.referer").GetString());
        Assert.AreEqual("tests/1.0", lines[0].GetProperty("http.request.header.user-agent").GetString());
        LogAssert.Conforms(app.Capture);
    }

    private static async Task<string> SendAsync(TestApp app, int n, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/echo/{n}?session=sess-{n}") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "bearer-9z8y");
        request.Headers.Add("X-Api-Key", "apikey-1b2c3d");
        request.Headers.Add("Cookie", "id=cookie-1u0i");
        request.Headers.Add("Referer", "https://shop.example/cart?token=referer-7q6w");
        request.Headers.Add("X-Original-Location", "/next?password=location-3t2y");
        request.Headers.UserAgent.ParseAdd("tests/1.0");
        using var response = await app.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static Task<JsonElement> LineAsync(TestApp app, int n) =>
        app.Capture.WaitForLineAsync(l => l.TryGetProperty("url.path", out var p) && p.GetString() == $"/echo/{n}");

    private static string Body(JsonElement line) => line.GetProperty("http.request.body.content").GetString()!;
}
