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
}
