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
    [DataRow("SELECT * FROM u WHERE password = 'hunter2' AND pin = 1234", "SELECT * FROM u WHERE password = ? AND pin = ?")]
    [DataRow("SELECT 'it''s', E'x', 3.5e10, 0xFF, -7", "SELECT ?, E?, ?, ?, -?")]
    [DataRow("SELECT $body$ secret $body$, $$ also $$", "SELECT ?, ?")]
    [DataRow("SELECT t0.c1 FROM t0 WHERE id = @p1 AND x = $1 AND y = :name AND z = ?2", "SELECT t0.c1 FROM t0 WHERE id = @p1 AND x = $1 AND y = :name AND z = ?2")]
    [DataRow("SELECT \"col'x\" FROM \"t\"", "SELECT \"col'x\" FROM \"t\"")]
    public void Parse_Literals_ReplacedAndPlaceholdersKept(string sql, string expected)
    {
        Assert.AreEqual(expected, SqlStatementParser.Parse(sql, CommandType.Text, DbSystemNames.PostgreSql, 4000).Text);
    }

    [TestMethod]
    public void Parse_MySqlDoubleQuotes_TreatedAsStrings()
    {
        Assert.AreEqual("SELECT * FROM t WHERE a = ?", SqlStatementParser.Parse("SELECT * FROM t WHERE a = \"x\"", CommandType.Text, DbSystemNames.MySql, 4000).Text);
    }

    [TestMethod]
    public void Parse_LongText_CutToMaxLength()
    {
        var info = SqlStatementParser.Parse("SELECT a FROM b WHERE c = @c", CommandType.Text, DbSystemNames.Sqlite, 10);

        Assert.AreEqual("SELECT a F…", info.Text);
        Assert.AreEqual("b", info.Collection);
    }

    [TestMethod]
    public void Parse_StoredProcedure_IsExecute()
    {
        var info = SqlStatementParser.Parse("refresh_totals", CommandType.StoredProcedure, DbSystemNames.PostgreSql, 4000);

        Assert.AreEqual("EXECUTE", info.Operation);
        Assert.AreEqual("refresh_totals", info.Text);
    }

    [TestMethod]
    [DataRow("40001", true)]
    [DataRow("40P01", true)]
    [DataRow("08006", true)]
    [DataRow("57P01", true)]
    [DataRow("53300", true)]
    [DataRow("57014", true)]
    [DataRow("42601", false)]
    [DataRow("23505", false)]
    [DataRow("42P01", false)]
    public void IsTransientSqlState_Code_Classified(string sqlState, bool transient)
    {
        Assert.AreEqual(transient, DbErrorClassifier.IsTransientSqlState(sqlState));
    }
}
