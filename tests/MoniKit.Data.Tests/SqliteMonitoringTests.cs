using System.Diagnostics;
using Dapper;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MoniKit.Data.Tests;

[TestClass]
public sealed class SqliteMonitoringTests
{
    private const string Secret = "s3cr3t-value-42";

    [TestMethod]
    public async Task Dapper_CommandsInsideActivity_LogOneConformantLineEachWithTraceId()
    {
        using var database = new SqliteDatabase();
        using var host = TestHost.Start();
        using var activity = new Activity("request").Start();
        await using var connection = database.CreateConnection().WithMoniKit(host.Services);

        await connection.ExecuteAsync("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        var inserted = await connection.ExecuteAsync("INSERT INTO items (name) VALUES (@name)", new[] { new { name = "a" }, new { name = Secret } });
        var rows = (await connection.QueryAsync<(long Id, string Name)>("SELECT id, name FROM items WHERE name <> @name", new { name = "zzz" })).ToList();

        Assert.AreEqual(2, inserted);
        Assert.HasCount(2, rows);
        var lines = host.Logs.DbQueries;
        Assert.HasCount(4, lines);
        foreach (var line in lines)
        {
            Assert.AreEqual("MoniKit.Data", line.Category);
            Assert.AreEqual(LogLevel.Information, line.Level);
            Assert.AreEqual(activity.TraceId.ToHexString(), line.TraceId);
            Assert.AreEqual("sqlite", line[LogFields.DbSystem]);
            Assert.IsInstanceOfType<long>(line[LogFields.EventDuration]);
            Assert.IsGreaterThan(0L, (long)line[LogFields.EventDuration]!);
            Assert.AreEqual("success", line[LogFields.EventOutcome]);
            Assert.IsFalse(line.Fields.Keys.Any(k => k.StartsWith(LogFields.DbQueryParameterPrefix, StringComparison.Ordinal)));
        }

        Assert.AreEqual("CREATE", lines[0][LogFields.DbOperation]);
        Assert.AreEqual("items", lines[0][LogFields.DbCollection]);
        Assert.AreEqual("INSERT", lines[1][LogFields.DbOperation]);
        Assert.AreEqual("INSERT INTO items (name) VALUES (@name)", lines[1][LogFields.DbQueryText]);
        Assert.AreEqual(1L, lines[1][LogFields.DbAffectedRows]);
        Assert.IsFalse(lines[1].Fields.ContainsKey(LogFields.DbReturnedRows), "An INSERT returns no rows.");
        Assert.AreEqual("SELECT", lines[3][LogFields.DbOperation]);
        Assert.AreEqual("items", lines[3][LogFields.DbCollection]);
        Assert.AreEqual("SELECT id, name FROM items WHERE name <> @name", lines[3][LogFields.DbQueryText]);
        Assert.AreEqual(2L, lines[3][LogFields.DbReturnedRows]);
        Assert.IsFalse(lines[3].Fields.ContainsKey(LogFields.DbAffectedRows), "A SELECT changes no rows.");
        AssertNoValue(host, Secret);
    }

    [TestMethod]
    public void RawAdoNet_ReaderNonQueryAndScalar_LogOneLineEach()
    {
        using var database = new SqliteDatabase();
        using var host = TestHost.Start();
        using var connection = database.CreateConnection().WithMoniKit(host.Services);
        connection.Open();

        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL); INSERT INTO orders (total) VALUES (1.5), (2.5), (3.5)";
            Assert.AreEqual(3, create.ExecuteNonQuery());
        }

        using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*) FROM orders";
            Assert.AreEqual(3L, count.ExecuteScalar());
        }

        using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT total FROM orders WHERE total > 2";
            using var reader = select.ExecuteReader();
            var totals = new List<double>();
            while (reader.Read())
            {
                totals.Add(reader.GetFieldValue<double>(0));
            }

            CollectionAssert.AreEqual(new[] { 2.5, 3.5 }, totals);
        }

        var lines = host.Logs.DbQueries;
        Assert.HasCount(3, lines);
        Assert.AreEqual(3L, lines[0][LogFields.DbAffectedRows]);
        Assert.IsFalse(lines[0].Fields.ContainsKey(LogFields.DbReturnedRows));
        Assert.AreEqual("CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL); INSERT INTO orders (total) VALUES (?), (?), (?)", lines[0][LogFields.DbQueryText]);
        Assert.AreEqual("SELECT", lines[1][LogFields.DbOperation]);
        Assert.IsFalse(lines[1].Fields.ContainsKey(LogFields.DbReturnedRows));
        Assert.IsFalse(lines[1].Fields.ContainsKey(LogFields.DbAffectedRows));
        Assert.AreEqual("SELECT total FROM orders WHERE total > ?", lines[2][LogFields.DbQueryText]);
        Assert.AreEqual(2L, lines[2][LogFields.DbReturnedRows]);
        Assert.IsNull(lines[2].TraceId);
    }

    [TestMethod]
    public void InsertReturning_ReadThroughAReader_LogsRowsReturnedAndRowsChanged()
    {
        using var database = new SqliteDatabase();
        using var host = TestHost.Start();
        using var connection = database.CreateConnection().WithMoniKit(host.Services);
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (v INTEGER)";
            create.ExecuteNonQuery();
        }

        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO t (v) VALUES (1), (2), (3) RETURNING v";
            using var reader = insert.ExecuteReader();
            Assert.IsTrue(reader.Read());
        }

        var line = host.Logs.DbQueries[^1];
        Assert.AreEqual(1L, line[LogFields.DbReturnedRows], "Only one row was read.");
        Assert.AreEqual(3L, line[LogFields.DbAffectedRows]);
    }

    [TestMethod]
    public async Task LogParameters_On_LogsValuesAndMasksSensitiveNames()
    {
        using var database = new SqliteDatabase();
        using var host = TestHost.Start(new() { ["MoniKit:Data:LogParameters"] = "true" });
        await using var connection = database.CreateConnection().WithMoniKit(host.Services);
        await connection.ExecuteAsync("CREATE TABLE users (name TEXT, password_hash TEXT, api_key TEXT)");

        await connection.ExecuteAsync(
            "INSERT INTO users (name, password_hash, api_key) VALUES (@name, @passwordHash, @apiKey)",
            new { name = "alice", passwordHash = Secret, apiKey = Secret + "-key" });

        var insert = host.Logs.DbQueries[1];
        Assert.AreEqual("alice", insert[LogFields.DbQueryParameterPrefix + "name"]);
        Assert.AreEqual(Redaction.Mask, insert[LogFields.DbQueryParameterPrefix + "passwordHash"]);
        Assert.AreEqual(Redaction.Mask, insert[LogFields.DbQueryParameterPrefix + "apiKey"]);
        Assert.IsFalse(insert.Fields.ContainsKey("db.query.parameter"), "Schema v1's single field is gone.");
        AssertNoValue(host, Secret);
    }

    [TestMethod]
    public async Task Transaction_DapperWithMonitoredTransaction_CommitsAndLogs()
    {
        using var database = new SqliteDatabase();
        using var host = TestHost.Start();
        await using var connection = database.CreateConnection().WithMoniKit(host.Services);
        await connection.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE t (v INTEGER)");

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO t (v) VALUES (@v)", new { v = 7 }, transaction);
            await transaction.CommitAsync();
        }

        Assert.AreEqual(7L, await connection.ExecuteScalarAsync<long>("SELECT v FROM t"));
        Assert.HasCount(3, host.Logs.DbQueries);
    }

    [TestMethod]
    public async Task AddMoniKitDbConnection_ResolvedInScope_IsMonitored()
    {
        using var database = new SqliteDatabase();
        using var host = TestHost.Start(configure: b => b.AddMoniKitDbConnection(_ => database.CreateConnection()));
        using (var scope = host.Services.CreateScope())
        {
            var connection = scope.ServiceProvider.GetRequiredService<System.Data.Common.DbConnection>();
            Assert.AreEqual(1, await connection.ExecuteScalarAsync<int>("SELECT 1"));
        }

        Assert.AreEqual("SELECT ?", host.Logs.DbQueries.Single()[LogFields.DbQueryText]);
    }

    [TestMethod]
    public void WithMoniKit_WithoutAddMoniKitData_ThrowsNamingTheCall()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        using var connection = new SqliteConnection("Data Source=:memory:");

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => connection.WithMoniKit(services));

        Assert.Contains("AddMoniKitData()", error.Message);
    }

    internal static void AssertNoValue(TestHost host, string value)
    {
        foreach (var log in host.Logs.Logs)
        {
            Assert.DoesNotContain(value, log.Message);
            foreach (var field in log.Fields)
            {
                var text = field.Value is IEnumerable<KeyValuePair<string, string?>> pairs
                    ? string.Join(",", pairs.Select(p => p.Key + "=" + p.Value))
                    : Convert.ToString(field.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                Assert.DoesNotContain(value, text, $"field {field.Key}");
            }
        }
    }
}
