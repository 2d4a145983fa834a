using System.Text;
using System.Text.Json;
using MoniKit.Logging.Implementation;

namespace MoniKit.Logging.Tests;

[TestClass]
public sealed class JsonTextTests
{
    [TestMethod]
    [DataRow("plain text 123", "\"plain text 123\"")]
    [DataRow("", "\"\"")]
    [DataRow("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [DataRow("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"")]
    [DataRow("\u0000\u001f", "\"\\u0000\\u001f\"")]
    [DataRow("\u007f\u0085\u009f", "\"\\u007f\\u0085\\u009f\"")]
    [DataRow("\u2028\u2029", "\"\\u2028\\u2029\"")]
    [DataRow("😀 é ß 中", "\"😀 é ß 中\"")]
    public void AppendString_Text_EscapedAsExpected(string value, string expected) =>
        Assert.AreEqual(expected, Json(value));

    // Attribute arguments are stored as UTF-8, which cannot hold a lone surrogate, so these cases are built here.
    [TestMethod]
    public void AppendString_UnpairedSurrogate_WrittenAsReplacementCharacter()
    {
        Assert.AreEqual("\"a\\ufffdb\"", Json("a" + '\ud800' + "b"));
        Assert.AreEqual("\"a\\ufffdb\"", Json("a" + '\udc00' + "b"));
        Assert.AreEqual("\"\\ufffd\\ufffd\"", Json(string.Concat('\udc00', '\ud800')));
        Assert.AreEqual("\"end\\ufffd\"", Json("end" + '\ud83d'));
        Assert.AreEqual("\"\\ufffd\ud83d\ude00\"", Json(string.Concat('\ud83d', '\ud83d', '\ude00')));
    }

    [TestMethod]
    public void AppendString_EveryCharacter_ReadsBackAsOneLine()
    {
        var all = new StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (!char.IsSurrogate((char)c))
            {
                all.Append((char)c);
            }
        }

        var json = Json(all.ToString());

        Assert.IsFalse(json.AsSpan().ContainsAny("\n\r\u0085\u2028\u2029"), "A raw line break would split the line.");
        Assert.AreEqual(all.ToString(), JsonSerializer.Deserialize<string>(json));
    }

    [TestMethod]
    public void AppendEscaped_Text_WrittenWithoutQuotes()
    {
        var builder = new StringBuilder("x");

        JsonText.AppendEscaped(builder, "say \"hi\"");

        Assert.AreEqual("xsay \\\"hi\\\"", builder.ToString());
    }

    private static string Json(string value)
    {
        var builder = new StringBuilder();
        JsonText.AppendString(builder, value);
        return builder.ToString();
    }
}
