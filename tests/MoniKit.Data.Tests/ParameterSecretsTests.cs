using Dapper;
using System.Data.Common;

namespace MoniKit.Data.Tests;

/// <summary>With parameter logging on, a secret bound by position, as ORMs write their INSERTs, is never logged.</summary>
[TestClass]
public sealed class ParameterSecretsTests
{
    private const string Secret = "orm-s3cr3t-77";

    [TestMethod]
    public async Task LogParameters_OrmStyleInsertAndUpdate_SecretColumnsMaskedOthersLogged()
    {
        using var database = new SqliteDatabase();
        using var host = TestHost.Start(new() { ["MoniKit:Data:LogParameters"] = "true" });
        await using var connection = database.CreateConnection().WithMoniKit(host.Services);
        await connection.ExecuteAsync("CREATE TABLE \"Users\" (\"Name\" TEXT, \"Password\" TEXT)");

        await connection.ExecuteAsync("INSERT INTO \"Users\" (\"Name\", \"Password\") VALUES (@p0, @p1)", new { p0 = "alice", p1 = Secret });
        await connection.ExecuteAsync("UPDATE \"Users\" SET \"Password\" = @p0 WHERE \"Name\" = @p1", new { p0 = Secret + "-new", p1 = "alice" });

        SqliteMonitoringTests.AssertNoValue(host, Secret);
        var insert = host.Logs.DbQueries[1];
        Assert.AreEqual("alice", insert[LogFields.DbQueryParameterPrefix + "p0"]);
        Assert.AreEqual(Redaction.Mask, insert[LogFields.DbQueryParameterPrefix + "p1"]);
    }
}
