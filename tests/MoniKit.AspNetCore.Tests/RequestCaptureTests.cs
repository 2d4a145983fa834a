using System.Text;
using MoniKit.AspNetCore.Implementation;

namespace MoniKit.AspNetCore.Tests;

[TestClass]
public sealed class RequestCaptureTests
{
    private static readonly RequestCapture Capture = new(new MoniKitHttpOptions { MaxBodyBytes = 4096 }, RedactionPolicy.Default);

    [TestMethod]
    public void AddHeaders_Request_OneFieldPerHeaderSecretsMasked()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.Accept = "application/json";
        request.Headers.Authorization = "Bearer s3cr3t";
        request.Headers["X-Api-Key"] = "k-123";
        request.Headers["X-Goog-Api-Key"] = "k-456";
        request.Headers.Cookie = "session=abc";
        request.Headers.Referer = "https://shop.example/cart?token=t-789&step=2";
        request.Headers.Origin = "https://admin:pw@shop.example";
        request.Headers["X-Multi"] = new(["a", "b"]);
        var state = new StructuredLogState("m");

        Capture.AddHeaders(state, request);

        var fields = state.ToDictionary(p => p.Key, p => p.Value as string);
        Assert.AreEqual("application/json", fields["http.request.header.accept"]);
        Assert.AreEqual(Redaction.Mask, fields["http.request.header.authorization"]);
        Assert.AreEqual(Redaction.Mask, fields["http.request.header.x-api-key"]);
        Assert.AreEqual(Redaction.Mask, fields["http.request.header.x-goog-api-key"]);
        Assert.AreEqual(Redaction.Mask, fields["http.request.header.cookie"]);
        Assert.AreEqual("https://shop.example/cart?token=[REDACTED]&step=2", fields["http.request.header.referer"]);
        Assert.AreEqual("https://shop.example", fields["http.request.header.origin"]);
        Assert.AreEqual("a, b", fields["http.request.header.x-multi"]);
    }

    [TestMethod]
    public void Query_EncodedSecretNames_Masked()
    {
        var request = new DefaultHttpContext().Request;
        request.QueryString = new QueryString("?pass%77ord=a&pass+word=b&page=2");

        Assert.AreEqual("pass%77ord=[REDACTED]&pass+word=[REDACTED]&page=2", Capture.Query(request));
    }

    [TestMethod]
    [DataRow("application/json", """{"user":"ann","pin":1234,"credentials":{"u":"x"}}""", """{"user":"ann","pin":"[REDACTED]","credentials":"[REDACTED]"}""")]
    [DataRow("application/merge-patch+json; charset=utf-8", """{"password":"x"}""", """{"password":"[REDACTED]"}""")]
    [DataRow("text/json", """{"token":"x"}""", """{"token":"[REDACTED]"}""")]
    [DataRow("application/x-www-form-urlencoded", "user=ann&password=hunter2&pass%77ord=x", "user=ann&password=[REDACTED]&pass%77ord=[REDACTED]")]
    [DataRow("application/x-www-form-urlencoded; charset=utf-8", "user=ann&api+key=x", "user=ann&api+key=[REDACTED]")]
    [DataRow("text/plain", "password=hunter2", "(text/plain, 16 bytes, not captured)")]
    [DataRow("application/xml", "<password>hunter2</password>", "(application/xml, 28 bytes, not captured)")]
    [DataRow(null, "password=hunter2", "(no content type, 16 bytes, not captured)")]
    [DataRow("application/json; boundary=\"", "password=hunter2", "(unreadable content type, 16 bytes, not captured)")]
    [DataRow("application/json", """{"password":"hunter2" """, "[REDACTED] (invalid JSON at line 1, byte 23; 22 bytes)")]
    public async Task ReadBodyAsync_ContentType_ParsedAndMasked(string? contentType, string body, string expected)
    {
        var request = Request(contentType, body);

        var captured = await Capture.ReadBodyAsync(request);

        Assert.AreEqual(expected, captured);
        Assert.AreEqual(body, await new StreamReader(request.Body).ReadToEndAsync(), "the endpoint still reads the whole body");
    }

    [TestMethod]
    public async Task ReadBodyAsync_BodyLongerThanTheLimit_CutAfterTheLastWholeToken()
    {
        var capture = new RequestCapture(new MoniKitHttpOptions { MaxBodyBytes = 30 }, RedactionPolicy.Default);
        var request = Request("application/json", """{"user":"ann","password":"hunter2-and-more"}""");

        Assert.AreEqual("""{"user":"ann","password":…""", await capture.ReadBodyAsync(request));
    }

    [TestMethod]
    public async Task ReadBodyAsync_BodyOfExactlyTheLimit_IsWhole()
    {
        const string json = """{"user":"ann"}""";
        var capture = new RequestCapture(new MoniKitHttpOptions { MaxBodyBytes = json.Length }, RedactionPolicy.Default);

        Assert.AreEqual(json, await capture.ReadBodyAsync(Request("application/json", json)));
    }

    [TestMethod]
    public async Task ReadBodyAsync_NoBodyOrCaptureSizeZero_Null()
    {
        var none = new RequestCapture(new MoniKitHttpOptions { MaxBodyBytes = 0 }, RedactionPolicy.Default);

        Assert.IsNull(await Capture.ReadBodyAsync(new DefaultHttpContext().Request));
        Assert.IsNull(await none.ReadBodyAsync(Request("application/json", "{}")));
    }

    [TestMethod]
    public async Task ReadBodyAsync_HostPolicy_ExtraNameMasked()
    {
        var options = new MoniKitRedactionOptions();
        options.SensitiveNames.Add("iban");
        var capture = new RequestCapture(new MoniKitHttpOptions(), new RedactionPolicy(options));

        Assert.AreEqual("payer=ann&iban=[REDACTED]", await capture.ReadBodyAsync(Request("application/x-www-form-urlencoded", "payer=ann&iban=DE89")));
    }

    internal static HttpRequest Request(string? contentType, string body)
    {
        var request = new DefaultHttpContext().Request;
        var bytes = Encoding.UTF8.GetBytes(body);
        request.ContentType = contentType;
        request.ContentLength = bytes.Length;
        request.Body = new MemoryStream(bytes);
        return request;
    }
}
