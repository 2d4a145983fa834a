using System.Text;
using MoniKit.AspNetCore.Implementation;

namespace MoniKit.AspNetCore.Tests;

[TestClass]
public sealed class MultipartBodyRedactorTests
{
    private const string Boundary = "----b0undary";

    [TestMethod]
    public void Redact_Fields_SecretPartsMaskedOthersKept()
    {
        var body = Body(
            Part("user", "ann"),
            Part("password", "hunter2"),
            Part("pass%77ord", "hunter3"),
            Part("pin", "1234"),
            Part("profile", """{"name":"Ann","otp":123456}""", "application/json"),
            Part("extra", "a=1&token=t", "application/x-www-form-urlencoded"),
            Part("avatar", "\u0089PNG-bytes", "image/png", fileName: "me.png"),
            Part("blob", "raw", "application/octet-stream"),
            Part("note", "plain text", "text/plain; charset=utf-8"));

        var text = MultipartBodyRedactor.Redact(RedactionPolicy.Default, body, Boundary, isComplete: true);

        Assert.AreEqual(
            """{"user":"ann","password":"[REDACTED]","pass%77ord":"[REDACTED]","pin":"[REDACTED]","profile":"{\"name\":\"Ann\",\"otp\":\"[REDACTED]\"}","extra":"a=1&token=[REDACTED]","avatar":"(file, image/png, 11 bytes, not captured)","blob":"(application/octet-stream, 3 bytes, not captured)","note":"plain text"}""",
            text);
    }

    [TestMethod]
    public void Redact_CutInsideASecretPart_NothingOfItKept()
    {
        var body = Body(Part("user", "ann"), Part("password", "hunter2-long-secret"));
        var cut = body.AsSpan(0, body.Length - 20);

        var text = MultipartBodyRedactor.Redact(RedactionPolicy.Default, cut, Boundary, isComplete: false);

        Assert.AreEqual("""{"user":"ann","password":"[REDACTED]"…""", text);
    }

    [TestMethod]
    public void Redact_CutInsidePartHeaders_PartLeftOut()
    {
        var body = Body(Part("user", "ann"), Part("password", "hunter2"));
        var text = Encoding.UTF8.GetString(body);
        var cut = body.AsSpan(0, text.IndexOf("name=\"password\"", StringComparison.Ordinal) + 8);

        Assert.AreEqual("""{"user":"ann"…""", MultipartBodyRedactor.Redact(RedactionPolicy.Default, cut, Boundary, isComplete: false));
    }

    [TestMethod]
    public void Redact_UnnamedPartOrNoBoundary_Described()
    {
        var unnamed = Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Type: text/plain\r\n\r\nhunter2\r\n--{Boundary}--\r\n");

        Assert.AreEqual("""{"(unnamed part)":"(text/plain, 7 bytes, not captured)"}""", MultipartBodyRedactor.Redact(RedactionPolicy.Default, unnamed, Boundary, true));
        Assert.AreEqual("{}", MultipartBodyRedactor.Redact(RedactionPolicy.Default, "password=hunter2"u8, Boundary, true));
    }

    internal static string Part(string name, string value, string? contentType = null, string? fileName = null)
    {
        var disposition = $"Content-Disposition: form-data; name=\"{name}\"" + (fileName is null ? string.Empty : $"; filename=\"{fileName}\"");
        var type = contentType is null ? string.Empty : $"\r\nContent-Type: {contentType}";
        return $"--{Boundary}\r\n{disposition}{type}\r\n\r\n{value}\r\n";
    }

    internal static byte[] Body(params string[] parts) => Encoding.UTF8.GetBytes(string.Concat(parts) + $"--{Boundary}--\r\n");
}
