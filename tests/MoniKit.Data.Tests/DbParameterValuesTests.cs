using Microsoft.Data.Sqlite;
using MoniKit.Data.Implementation;

namespace MoniKit.Data.Tests;

[TestClass]
public sealed class DbParameterValuesTests
{
    [TestMethod]
    public void Capture_NamedUnnamedNullAndSecret_OneOpenTelemetryFieldEach()
    {
        using var command = new SqliteCommand();
        command.Parameters.AddWithValue("@id", 42);
        command.Parameters.AddWithValue(":state", "shipped");
        command.Parameters.AddWithValue("$note", DBNull.Value);
        command.Parameters.AddWithValue("plain", 1.5);
        command.Parameters.Add(new SqliteParameter { ParameterName = string.Empty, Value = "second" });
        command.Parameters.AddWithValue("@apiToken", "tok-secret");
        command.Parameters.AddWithValue("@blob", new byte[] { 1, 2, 3 });

        var fields = DbParameterValues.Capture(command.Parameters)!;

        CollectionAssert.AreEqual(
            new KeyValuePair<string, string?>[]
            {
                new("db.query.parameter.id", "42"),
                new("db.query.parameter.state", "shipped"),
                new("db.query.parameter.note", null),
                new("db.query.parameter.plain", "1.5"),
                new("db.query.parameter.4", "second"),
                new("db.query.parameter.apiToken", Redaction.Mask),
                new("db.query.parameter.blob", "(3 bytes)"),
            },
            fields.ToArray());
    }

    [TestMethod]
    public void Capture_LongValue_CutWithAnEllipsis()
    {
        using var command = new SqliteCommand();
        command.Parameters.AddWithValue("@text", new string('x', 300));

        var value = DbParameterValues.Capture(command.Parameters)!.Single().Value!;

        Assert.AreEqual(new string('x', 256) + "…", value);
    }

    [TestMethod]
    public void Capture_NoParameters_Null()
    {
        using var command = new SqliteCommand();

        Assert.IsNull(DbParameterValues.Capture(command.Parameters));
    }
}
