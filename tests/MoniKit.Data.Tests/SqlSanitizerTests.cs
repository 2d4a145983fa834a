using MoniKit.Data.Implementation;

namespace MoniKit.Data.Tests;

[TestClass]
public sealed class SqlSanitizerTests
{
    [TestMethod]
    [DataRow("SELECT * FROM u WHERE password = 'hunter2' AND pin = 1234", "SELECT * FROM u WHERE password = ? AND pin = ?")]
    [DataRow("SELECT 'it''s', E'x', 3.5e10, 0xFF, -7", "SELECT ?, E?, ?, ?, -?")]
    [DataRow("SELECT .5, 1e-3, 2E+4, 12.", "SELECT ?, ?, ?, ?")]
    [DataRow("SELECT $body$ secret $body$, $$ also $$", "SELECT ?, ?")]
    [DataRow("SELECT $a$ x $b$ y $b$ z $a$", "SELECT ?")]
    [DataRow("SELECT t0.c1 FROM t0 WHERE id = @p1 AND x = $1 AND y = :name AND z = ?2", "SELECT t0.c1 FROM t0 WHERE id = @p1 AND x = $1 AND y = :name AND z = ?2")]
    [DataRow("SELECT \"col'x\" FROM \"t\"", "SELECT \"col'x\" FROM \"t\"")]
    [DataRow("SELECT a -- the 'note'\nFROM t /* 'x' 42 */", "SELECT a -- the 'note'\nFROM t /* 'x' 42 */")]
    [DataRow("SELECT 'unterminated secret", "SELECT ?")]
    [DataRow("SELECT /* unterminated", "SELECT /* unterminated")]
    [DataRow("SELECT col2, t1.x9 FROM t3", "SELECT col2, t1.x9 FROM t3")]
    public void Sanitize_Text_LiteralsReplacedEverythingElseKept(string sql, string expected) =>
        Assert.AreEqual(expected, SqlSanitizer.Sanitize(sql, doubleQuotesAreStrings: false, bracketsAreNames: false, []));

    [TestMethod]
    public void Sanitize_DoubleQuotesAsStrings_Replaced() =>
        Assert.AreEqual("SELECT * FROM t WHERE a = ?", SqlSanitizer.Sanitize("SELECT * FROM t WHERE a = \"x\"", doubleQuotesAreStrings: true, bracketsAreNames: false, []));

    [TestMethod]
    public void Sanitize_Brackets_NamesWhenAskedOnly()
    {
        var tokens = new List<SqlToken>();

        Assert.AreEqual("SELECT [a b] FROM [t]", SqlSanitizer.Sanitize("SELECT [a b] FROM [t]", false, bracketsAreNames: true, tokens));
        Assert.AreEqual(new SqlToken(SqlTokenKind.QuotedName, "t", 0), tokens[^1]);
    }

    [TestMethod]
    public void Sanitize_Tokens_CarryKindAndParenthesisDepth()
    {
        var tokens = new List<SqlToken>();

        SqlSanitizer.Sanitize("INSERT INTO \"s\".t (a) VALUES (@p0)", false, false, tokens);

        CollectionAssert.AreEqual(
            new SqlToken[]
            {
                new(SqlTokenKind.Word, "INSERT", 0), new(SqlTokenKind.Word, "INTO", 0), new(SqlTokenKind.QuotedName, "s", 0),
                new(SqlTokenKind.Dot, ".", 0), new(SqlTokenKind.Word, "t", 0), new(SqlTokenKind.Open, "(", 0),
                new(SqlTokenKind.Word, "a", 1), new(SqlTokenKind.Other, ")", 0), new(SqlTokenKind.Word, "VALUES", 0),
                new(SqlTokenKind.Open, "(", 0), new(SqlTokenKind.Other, "@p0", 1), new(SqlTokenKind.Other, ")", 0),
            },
            tokens);
    }

    [TestMethod]
    public void Sanitize_UnbalancedClosingParenthesis_DepthNeverNegative()
    {
        var tokens = new List<SqlToken>();

        SqlSanitizer.Sanitize("SELECT a) FROM (t", false, false, tokens);

        Assert.IsTrue(tokens.All(t => t.Depth >= 0));
    }
}
