using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MoniKit.Data.Tests;

[TestClass]
public sealed class PostgresMonitoringTests
{
    [TestMethod]
    public async Task Dapper_Postgres_LogsConformantLinesWithTraceIdAndNoValues()
    {
        using var host = TestHost.Start();
        using var activity = new Activity("request").Start();
        await using var connection = SharedPostgres.CreateConnection().WithMoniKit(host.Services);
        var table = "products_" + Guid.NewGuid().ToString("N")[..8];

        await connection.ExecuteAsync($"CREATE TABLE public.{table} (id serial PRIMARY KEY, name text NOT NULL, token text)");
        await connection.ExecuteAsync($"INSERT INTO public.{table} (name, token) VALUES (@name, @token)", new { name = "pen", token = "tok-9f8e7d" });
        var names = (await connection.QueryAsync<string>($"SELECT name FROM public.{table} WHERE name = @name", new { name = "pen" })).ToList();

        CollectionAssert.AreEqual(new[] { "pen" }, names);
        var lines = host.Logs.DbQueries;
        Assert.HasCount(3, lines);
        Assert.IsTrue(lines.All(l => l.TraceId == activity.TraceId.ToHexString() && l.Level == LogLevel.Information));
        Assert.IsTrue(lines.All(l => (string?)l[LogFields.DbSystem] == "postgresql" && (string?)l[LogFields.DbCollection] == "public." + table));
        Assert.AreEqual(1L, lines[1][LogFields.DbAffectedRows]);
        Assert.AreEqual($"SELECT name FROM public.{table} WHERE name = @name", lines[2][LogFields.DbQueryText]);
        Assert.AreEqual(1L, lines[2][LogFields.DbReturnedRows]);
        SqliteMonitoringTests.AssertNoValue(host, "tok-9f8e7d");
        SqliteMonitoringTests.AssertNoValue(host, "pen'");
    }

    [TestMethod]
    [DataRow("SELEC 1", "permanent", DisplayName = "syntax error 42601")]
    [DataRow("SELECT * FROM missing_table_xyz", "permanent", DisplayName = "undefined table 42P01")]
    [DataRow("DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$", "transient", DisplayName = "serialization failure 40001")]
    [DataRow("SET statement_timeout = 100; SELECT pg_sleep(5)", "transient", DisplayName = "statement timeout 57014")]
    [DataRow("SELECT pg_terminate_backend(pg_backend_pid())", "transient", DisplayName = "connection lost 57P01")]
    public async Task FailedCommand_Postgres_ClassifiedAndRethrown(string sql, string expected)
    {
        using var host = TestHost.Start();
        await using var connection = SharedPostgres.CreateConnection().WithMoniKit(host.Services);
        await connection.OpenAsync();

        var error = await Assert.ThrowsAsync<NpgsqlException>(() => connection.ExecuteAsync(sql));

        var line = host.Logs.DbQueries.Single();
        Assert.AreEqual(LogLevel.Error, line.Level);
        Assert.AreSame(error, line.Exception);
        Assert.AreEqual(expected, line[LogFields.DbErrorClass], error.Message);
    }

    [TestMethod]
    public async Task UniqueViolation_Postgres_ClassifiedPermanent()
    {
        using var host = TestHost.Start();
        await using var connection = SharedPostgres.CreateConnection().WithMoniKit(host.Services);
        await connection.OpenAsync();
        await connection.ExecuteAsync("CREATE TEMP TABLE k (id int PRIMARY KEY); INSERT INTO k VALUES (1)");

        var error = await Assert.ThrowsExactlyAsync<PostgresException>(() => connection.ExecuteAsync("INSERT INTO k VALUES (@id)", new { id = 1 }));

        Assert.AreEqual("23505", error.SqlState);
        Assert.AreEqual("permanent", host.Logs.DbQueries[^1][LogFields.DbErrorClass]);
    }

    [TestMethod]
    public async Task Deadlock_Postgres_ClassifiedTransient()
    {
        using var host = TestHost.Start();
        await using var setup = SharedPostgres.CreateConnection();
        var table = "dl_" + Guid.NewGuid().ToString("N")[..8];
        await setup.ExecuteAsync($"CREATE TABLE {table} (id int PRIMARY KEY, v int); INSERT INTO {table} VALUES (1, 0), (2, 0)");
        await using var first = SharedPostgres.CreateConnection().WithMoniKit(host.Services);
        await using var second = SharedPostgres.CreateConnection().WithMoniKit(host.Services);
        await first.OpenAsync();
        await second.OpenAsync();
        await using var t1 = await first.BeginTransactionAsync();
        await using var t2 = await second.BeginTransactionAsync();
        await first.ExecuteAsync($"UPDATE {table} SET v = 1 WHERE id = 1", transaction: t1);
        await second.ExecuteAsync($"UPDATE {table} SET v = 1 WHERE id = 2", transaction: t2);

        var one = first.ExecuteAsync($"UPDATE {table} SET v = 2 WHERE id = 2", transaction: t1);
        var two = second.ExecuteAsync($"UPDATE {table} SET v = 2 WHERE id = 1", transaction: t2);
        var results = await Task.WhenAll(Capture(one), Capture(two));

        var deadlock = results.OfType<PostgresException>().Single();
        Assert.AreEqual("40P01", deadlock.SqlState);
        var failed = host.Logs.DbQueries.Single(l => l.Exception is not null);
        Assert.AreEqual("transient", failed[LogFields.DbErrorClass]);
    }

    private static async Task<Exception?> Capture(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (PostgresException ex)
        {
            return ex;
        }
    }
}
