using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MoniKit.Data.Tests;

namespace MoniKit.Data.EntityFrameworkCore.Tests;

[TestClass]
public sealed class MoniKitCommandInterceptorTests
{
    private const string Secret = "tok-5a5a5a5a";

    [TestMethod]
    public async Task UseMoniKit_SaveAndQueryInsideActivity_LogsOneConformantLinePerCommand()
    {
        using var database = new SqliteDatabase();
        using var host = StartHost(database);
        using var activity = new Activity("request").Start();
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopContext>();
            await db.Database.EnsureCreatedAsync();
            db.Products.Add(new Product { Name = "pen", ApiToken = Secret });
            await db.SaveChangesAsync();
            var found = await db.Products.Where(p => p.Name == "pen").ToListAsync();
            Assert.HasCount(1, found);
        }

        var lines = host.Logs.DbQueries;
        Assert.IsTrue(lines.All(l => l.TraceId == activity.TraceId.ToHexString()));
        Assert.IsTrue(lines.All(l => l.Level == LogLevel.Information && (string?)l[LogFields.DbSystem] == "sqlite"));
        Assert.IsTrue(lines.All(l => l[LogFields.EventDuration] is long));
        var insert = lines.Single(l => (string?)l[LogFields.DbOperation] == "INSERT");
        Assert.AreEqual("Products", insert[LogFields.DbCollection]);
        Assert.AreEqual(1L, insert[LogFields.DbReturnedRows]);
        var select = lines[^1];
        Assert.AreEqual("SELECT", select[LogFields.DbOperation]);
        Assert.AreEqual("Products", select[LogFields.DbCollection]);
        Assert.AreEqual(1L, select[LogFields.DbReturnedRows]);
        Assert.IsTrue(host.Logs.Logs.All(l => !l.Message.Contains(Secret, StringComparison.Ordinal)
            && l.Fields.Values.All(v => !(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).Contains(Secret, StringComparison.Ordinal))));
    }

    [TestMethod]
    public async Task UseMoniKit_FailingCommand_LoggedPermanentAndRethrown()
    {
        using var database = new SqliteDatabase();
        using var host = StartHost(database);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopContext>();

        var error = await Assert.ThrowsExactlyAsync<SqliteException>(() => db.Products.ToListAsync());

        var line = host.Logs.DbQueries.Single();
        Assert.AreEqual(LogLevel.Error, line.Level);
        Assert.AreSame(error, line.Exception);
        Assert.AreEqual("permanent", line[LogFields.DbErrorClass]);
    }

    [TestMethod]
    public async Task UseMoniKit_SlowThresholdZero_LogsAtWarn()
    {
        using var database = new SqliteDatabase();
        using var host = StartHost(database, new() { ["MoniKit:Data:SlowQueryThresholdMs"] = "0" });
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopContext>();

        await db.Database.EnsureCreatedAsync();
        _ = await db.Products.CountAsync();

        Assert.IsNotEmpty(host.Logs.DbQueries);
        Assert.IsTrue(host.Logs.DbQueries.All(l => l.Level == LogLevel.Warning));
    }

    [TestMethod]
    public async Task UseMoniKit_OnMonitoredConnection_LogsEachCommandOnce()
    {
        using var database = new SqliteDatabase();
        using var host = TestHost.Start(configure: b => b.Services.AddDbContext<ShopContext>((sp, o) =>
            o.UseSqlite(database.CreateConnection().WithMoniKit(sp)).UseMoniKit(sp)));
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopContext>();

        await db.Database.ExecuteSqlRawAsync("CREATE TABLE \"Products\" (\"Id\" INTEGER PRIMARY KEY, \"Name\" TEXT NOT NULL, \"ApiToken\" TEXT)");

        Assert.HasCount(1, host.Logs.DbQueries);
    }

    [TestMethod]
    public void UseMoniKit_WithoutAddMoniKitData_ThrowsNamingTheCall()
    {
        using var services = new ServiceCollection().BuildServiceProvider();

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => new DbContextOptionsBuilder<ShopContext>().UseSqlite("Data Source=:memory:").UseMoniKit(services));

        Assert.Contains("AddMoniKitData()", error.Message);
    }

    private static TestHost StartHost(SqliteDatabase database, Dictionary<string, string?>? settings = null) =>
        TestHost.Start(settings, b => b.Services.AddDbContext<ShopContext>((sp, o) => o.UseSqlite(database.ConnectionString).UseMoniKit(sp)));
}
