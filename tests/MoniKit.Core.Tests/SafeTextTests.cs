namespace MoniKit.Core.Tests;

[TestClass]
public sealed class SafeTextTests
{
    [TestMethod]
    public void EscapeControlCharacters_ForgedLineAndTerminalEscape_OneVisibleLine()
    {
        var escaped = SafeText.EscapeControlCharacters("x\r\nALERT [orders] Fatal: FORGED\u001b[2J\u0085\u2028end");
        Assert.AreEqual("x\\r\\nALERT [orders] Fatal: FORGED\\u001b[2J\\u0085\\u2028end", escaped);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("plain text, C:\\path\\file and a regex \\d+")]
    [DataRow("한국어 ✓ 🚀")]
    public void EscapeControlCharacters_NoControlCharacter_Unchanged(string text) =>
        Assert.AreSame(text, SafeText.EscapeControlCharacters(text));

    [TestMethod]
    public void Truncate_FitsAlready_Unchanged() => Assert.AreEqual("abc", SafeText.Truncate("abc", 3));

    [TestMethod]
    public void Truncate_TooLong_CutWithMarkWithinLimit()
    {
        var cut = SafeText.Truncate(new string('a', 100), 10, "…");
        Assert.AreEqual(new string('a', 9) + "…", cut);
    }

    [TestMethod]
    public void Truncate_CutWouldSplitSurrogatePair_PairDroppedWhole()
    {
        // "🚀" is two UTF-16 characters; a cut after 5 characters would keep half of it.
        var cut = SafeText.Truncate("abcd🚀efgh", 6, "…");
        Assert.AreEqual("abcd…", cut);
        Assert.IsFalse(char.IsHighSurrogate(cut[^2]));
    }

    [TestMethod]
    public void Truncate_LongMark_ResultNeverLongerThanLimit()
    {
        const string Mark = "… truncated, full text in the logs";
        var cut = SafeText.Truncate(new string('x', 500), 100, Mark);
        Assert.AreEqual(100, cut.Length);
        Assert.EndsWith(Mark, cut);
    }
}
