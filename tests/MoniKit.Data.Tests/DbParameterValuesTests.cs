using System.Data;
using Microsoft.Data.Sqlite;
using MoniKit.Data.Implementation;

namespace MoniKit.Data.Tests;

/// <summary>Hostile parameter sets: secret names written any way, and ORM-style names bound to secret columns.</summary>
[TestClass]
public sealed class DbParameterValuesTests
{
    private const string Secret = "s3cr3t-param";

    private static readonly HashSet<string> NoPlaceholders = [];

    [TestMethod]
    [DataRow("@password")]
    [DataRow("@__password_0")]
    [DataRow("$apiKey")]
    [DataRow(":refresh_token")]
    [DataRow("@userPin")]
    [DataRow("@Pass_Word")]
    public void Capture_SecretName_Masked(string name)
    {
        var values = Capture("SELECT 1", (name, Secret));

        Assert.AreEqual(Redaction.Mask, values[Field(name)]);
    }

    [TestMethod]
    [DataRow("INSERT INTO \"Users\" (\"Name\", \"Password\") VALUES (@p0, @p1)", "@p1")]
    [DataRow("INSERT INTO users (name, password_hash) VALUES (@p0, @p1), (@p2, @p3) RETURNING id", "@p1", "@p3")]
    [DataRow("INSERT INTO users (name, api_key, note) VALUES (lower(@p0), @p1, @p2)", "@p1")]
    [DataRow("UPDATE \"Users\" SET \"PasswordHash\" = @p0 WHERE \"Id\" = @p1", "@p0")]
    [DataRow("SELECT id FROM users WHERE u.token = $1 AND name = $2", "$1")]
    [DataRow("SELECT id FROM sessions WHERE @p0 = session_id", "@p0")]
    [DataRow("SELECT id FROM users WHERE name = @p0; UPDATE users SET secret <> @p1", "@p1")]
    public void Capture_PlaceholderBoundToSecretColumn_Masked(string sql, params string[] secret)
    {
        var names = new[] { "@p0", "@p1", "@p2", "@p3", "$1", "$2" }.Where(n => sql.Contains(n, StringComparison.Ordinal)).ToArray();

        var values = Capture(sql, [.. names.Select(n => (n, Secret + n))]);

        foreach (var name in names)
        {
            Assert.AreEqual(secret.Contains(name) ? Redaction.Mask : Secret + name, values[Field(name)], $"{name} in {sql}");
        }
    }

    [TestMethod]
    public void Capture_ProviderNameWithoutPrefix_MatchedToItsPlaceholder()
    {
        var values = Capture("INSERT INTO u (name, pwd) VALUES (@p0, @p1)", ("p0", "ann"), ("p1", Secret));

        Assert.AreEqual("ann", values[Field("p0")]);
        Assert.AreEqual(Redaction.Mask, values[Field("p1")]);
    }

    [TestMethod]
    public void Capture_HostPolicy_ExtraNameAndColumnMasked()
    {
        var options = new MoniKitRedactionOptions();
        options.SensitiveNames.Add("iban");
        var policy = new RedactionPolicy(options);

        var values = Capture(policy, "UPDATE accounts SET iban = @p0 WHERE id = @p1", ("@p0", "DE89"), ("@p1", "7"), ("@payerIban", "DE12"));

        Assert.AreEqual(Redaction.Mask, values[Field("@p0")]);
        Assert.AreEqual("7", values[Field("@p1")]);
        Assert.AreEqual(Redaction.Mask, values[Field("@payerIban")]);
    }

    [TestMethod]
    public void Capture_Values_FormattedInvariantAndCut()
    {
        var values = Capture("SELECT 1", ("@n", 1.5), ("@b", new byte[] { 1, 2, 3 }), ("@s", new string('x', 300)), ("@null", DBNull.Value));

        Assert.AreEqual("1.5", values[Field("@n")]);
        Assert.AreEqual("(3 bytes)", values[Field("@b")]);
        Assert.AreEqual(new string('x', 256) + "…", values[Field("@s")]);
        Assert.IsNull(values[Field("@null")]);
    }

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

        var fields = DbParameterValues.Capture(command.Parameters, RedactionPolicy.Default, NoPlaceholders)!;

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

        var value = DbParameterValues.Capture(command.Parameters, RedactionPolicy.Default, NoPlaceholders)!.Single().Value!;

        Assert.AreEqual(new string('x', 256) + "…", value);
    }

    [TestMethod]
    public void Capture_NoParameters_Null()
    {
        using var command = new SqliteCommand();

        Assert.IsNull(DbParameterValues.Capture(command.Parameters, RedactionPolicy.Default, NoPlaceholders));
    }

    // The field a parameter is written to: its name without the placeholder prefix.
    private static string Field(string name) => LogFields.DbQueryParameterPrefix + name.TrimStart('@', ':', '$');

    private static Dictionary<string, string?> Capture(string sql, params (string Name, object Value)[] parameters) =>
        Capture(RedactionPolicy.Default, sql, parameters);

    private static Dictionary<string, string?> Capture(RedactionPolicy policy, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = new SqliteCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var statement = SqlStatementParser.Parse(sql, CommandType.Text, DbSystemNames.PostgreSql, 4000, policy);
        return DbParameterValues.Capture(command.Parameters, policy, statement.SecretPlaceholders)!.ToDictionary(p => p.Key, p => p.Value);
    }
}
