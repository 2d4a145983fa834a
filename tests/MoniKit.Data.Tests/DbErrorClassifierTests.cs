using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using MoniKit.Data.Implementation;
using Npgsql;

namespace MoniKit.Data.Tests;

[TestClass]
public sealed class DbErrorClassifierTests
{
    [TestMethod]
    [DataRow("40001", "transient", DisplayName = "serialization failure")]
    [DataRow("40P01", "transient", DisplayName = "deadlock")]
    [DataRow("57014", "transient", DisplayName = "statement timeout")]
    [DataRow("55P03", "transient", DisplayName = "lock not available")]
    [DataRow("57P01", "transient", DisplayName = "admin shutdown")]
    [DataRow("08006", "transient", DisplayName = "connection failure")]
    [DataRow("53300", "transient", DisplayName = "too many connections")]
    [DataRow("42601", "permanent", DisplayName = "syntax error")]
    [DataRow("23505", "permanent", DisplayName = "unique violation")]
    [DataRow("42P01", "permanent", DisplayName = "undefined table")]
    public void Classify_PostgresSqlState_Classified(string sqlState, string expected) =>
        Assert.AreEqual(expected, DbErrorClassifier.Classify(new PostgresException("m", "ERROR", "ERROR", sqlState)));

    [TestMethod]
    [DataRow(5, "transient", DisplayName = "SQLITE_BUSY")]
    [DataRow(6, "transient", DisplayName = "SQLITE_LOCKED")]
    [DataRow(261, "transient", DisplayName = "SQLITE_BUSY_RECOVERY (extended)")]
    [DataRow(19, "permanent", DisplayName = "SQLITE_CONSTRAINT")]
    [DataRow(1, "permanent", DisplayName = "SQLITE_ERROR")]
    public void Classify_SqliteCode_Classified(int code, string expected) =>
        Assert.AreEqual(expected, DbErrorClassifier.Classify(new SqliteException("m", code)));

    [TestMethod]
    public void Classify_NetworkOrTimeoutFailure_TransientAlsoWhenWrapped()
    {
        Assert.AreEqual(DbErrorClassifier.Transient, DbErrorClassifier.Classify(new TimeoutException()));
        Assert.AreEqual(DbErrorClassifier.Transient, DbErrorClassifier.Classify(new SocketException()));
        Assert.AreEqual(DbErrorClassifier.Transient, DbErrorClassifier.Classify(new NpgsqlException("lost", new IOException("reset"))));
        Assert.AreEqual(DbErrorClassifier.Transient, DbErrorClassifier.Classify(new InvalidOperationException("x", new TimeoutException())));
    }

    [TestMethod]
    public void Classify_ProviderTransientFlag_Honoured()
    {
        Assert.AreEqual(DbErrorClassifier.Transient, DbErrorClassifier.Classify(new FakeDbException(transient: true)));
        Assert.AreEqual(DbErrorClassifier.Permanent, DbErrorClassifier.Classify(new FakeDbException(transient: false)));
    }

    [TestMethod]
    public void Classify_UnknownFailure_Permanent() =>
        Assert.AreEqual(DbErrorClassifier.Permanent, DbErrorClassifier.Classify(new InvalidOperationException("no")));

    [TestMethod]
    [DataRow("40001", true)]
    [DataRow("08P01", true)]
    [DataRow("57P03", true)]
    [DataRow("22012", false)]
    public void IsTransientSqlState_Code_Classified(string sqlState, bool transient) =>
        Assert.AreEqual(transient, DbErrorClassifier.IsTransientSqlState(sqlState));

    private sealed class FakeDbException(bool transient) : DbException("fake")
    {
        public override bool IsTransient => transient;
    }
}
