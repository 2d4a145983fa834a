using System.Data;
using MoniKit.Data.Implementation;

namespace MoniKit.Data.Tests;

[TestClass]
public sealed class SqlStatementParserTests
{
    [TestMethod]
    [DataRow("SELECT \"i\".\"Id\", \"i\".\"Name\" FROM \"Items\" AS \"i\" WHERE \"i\".\"Id\" = @__id_0 LIMIT 1", "SELECT", "Items")]
    [DataRow("select * from main.orders o join lines l on l.order_id = o.id", "SELECT", "main.orders")]
    [DataRow("SELECT COUNT(*) FROM (SELECT 1 FROM x) AS s", "SELECT", null)]
    [DataRow("SELECT last_insert_rowid()", "SELECT", null)]
    [DataRow("INSERT OR REPLACE INTO [cache] (k, v) VALUES (@k, @v)", "INSERT", "cache")]
    [DataRow("INSERT INTO \"Items\" (\"Name\") VALUES (@p0) RETURNING \"Id\";", "INSERT", "Items")]
    [DataRow("UPDATE ONLY accounts SET balance = balance - $1 WHERE id = $2", "UPDATE", "accounts")]
    [DataRow("UPDATE OR IGNORE t SET a = 1", "UPDATE", "t")]
    [DataRow("DELETE FROM public.sessions WHERE expires < now()", "DELETE", "public.sessions")]
    [DataRow("WITH recent AS (SELECT * FROM orders) SELECT * FROM recent", "SELECT", "recent")]
    [DataRow("WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved", "INSERT", "b")]
    [DataRow("CREATE TABLE IF NOT EXISTS `logs` (id int)", "CREATE", "logs")]
    [DataRow("CREATE UNIQUE INDEX ix ON users (email)", "CREATE", "users")]
    [DataRow("DROP TABLE IF EXISTS temp_data", "DROP", "temp_data")]
    [DataRow("TRUNCATE audit", "TRUNCATE", "audit")]
    [DataRow("PRAGMA journal_mode=WAL", "PRAGMA", null)]
    [DataRow("  -- tag\nSELECT 1 FROM dual", "SELECT", "dual")]
    [DataRow("frobnicate everything", "OTHER", null)]
    [DataRow("", "OTHER", null)]
    public void Parse_Statement_FindsOperationAndTable(string sql, string operation, string? table)
    {
        var info = SqlStatementParser.Parse(sql, CommandType.Text, DbSystemNames.Sqlite, 4000);

        Assert.AreEqual(operation, info.Operation);
        Assert.AreEqual(table, info.Collection);
    }

    [TestMethod]
    public void Parse_LongText_CutToMaxLength()
    {
        var info = SqlStatementParser.Parse("SELECT a FROM b WHERE c = @c", CommandType.Text, DbSystemNames.Sqlite, 10);

        Assert.AreEqual("SELECT a F…", info.Text);
        Assert.AreEqual("b", info.Collection);
    }

    [TestMethod]
    public void Parse_Text_SanitizedBySqlSanitizer() =>
        Assert.AreEqual("SELECT * FROM u WHERE password = ?", SqlStatementParser.Parse("SELECT * FROM u WHERE password = 'x'", CommandType.Text, DbSystemNames.PostgreSql, 4000).Text);

    [TestMethod]
    public void Parse_MySql_DoubleQuotesAreStrings() =>
        Assert.AreEqual("SELECT * FROM t WHERE a = ?", SqlStatementParser.Parse("SELECT * FROM t WHERE a = \"x\"", CommandType.Text, DbSystemNames.MySql, 4000).Text);

    [TestMethod]
    public void Parse_StoredProcedure_IsExecute()
    {
        var info = SqlStatementParser.Parse("refresh_totals", CommandType.StoredProcedure, DbSystemNames.PostgreSql, 4000);

        Assert.AreEqual("EXECUTE", info.Operation);
        Assert.AreEqual("refresh_totals", info.Text);
    }
}
