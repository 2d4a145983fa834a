using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace MoniKit.Data.Tests;

[TestClass]
public sealed class LevelAndFailureTests
{
    [TestMethod]
    public async Task SlowQueryThresholdMs_ZeroFromEnvironment_EveryQueryLoggedAtWarn()
    {
        using var database = new SqliteDatabase();
        Environment.SetEnvironmentVariable("MoniKit__Data__SlowQueryThresholdMs", "0");
        TestHost host;
        try
        {
            host = TestHost.Start();
        }
        finally
        {
            Environment.SetEnvironmentVariable("MoniKit__Data__SlowQueryThresholdMs", null);
        }

        using (host)
        {
            await using var connection = database.CreateConnection().WithMoniKit(host.Services);
            await connection.ExecuteAsync("CREATE TABLE a (x INTEGER)");
            await connection.QueryAsync<long>("SELECT x FROM a");

            Assert.HasCount(2, host.Logs.DbQueries);
            Assert.IsTrue(host.Logs.DbQueries.All(l => l.Level == LogLevel.Warning));
            StringAssert.StartsWith(host.Logs.DbQueries[1].Message, "Slow query SELECT a took");
        }
    }

    [TestMethod]
    public async Task CriticalQueryThresholdMs_Exceeded_LoggedAtError()
    {
        using var host = TestHost.Start(new() { ["MoniKit:Data:SlowQueryThresholdMs"] = "50", ["MoniKit:Data:CriticalQueryThresholdMs"] = "100" });
        await using var connection = SharedPostgres.CreateConnection().WithMoniKit(host.Services);

        await connection.ExecuteAsync("SELECT pg_sleep(0.3)");
        await connection.ExecuteAsync("SELECT pg_sleep(0.06)");

        var lines = host.Logs.DbQueries;
        Assert.AreEqual(LogLevel.Error, lines[0].Level);
        StringAssert.StartsWith(lines[0].Message, "Critical query SELECT took");
        Assert.AreEqual(LogLevel.Warning, lines[1].Level);
    }

    [TestMethod]
    public async Task SyntaxError_Sqlite_LoggedPermanentAtErrorAndRethrown()
    {
        using var database = new SqliteDatabase();
        using var host = TestHost.Start();
        using var activity = new Activity("request").Start();
        await using var connection = database.CreateConnection().WithMoniKit(host.Services);

        var error = await Assert.ThrowsExactlyAsync<SqliteException>(() => connection.QueryAsync<int>("SELEC 1 FROM nowhere"));

        var line = host.Logs.DbQueries.Single();
        Assert.AreEqual(LogLevel.Error, line.Level);
        Assert.AreSame(error, line.Exception);
        Assert.AreEqual("permanent", line[LogFields.DbErrorClass]);
        Assert.AreEqual("failure", line[LogFields.EventOutcome]);
        Assert.AreEqual(activity.TraceId.ToHexString(), line.TraceId);
    }
}
