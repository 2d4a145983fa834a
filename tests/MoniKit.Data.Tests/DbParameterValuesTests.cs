using System.Data;
using Microsoft.Data.Sqlite;
using MoniKit.Data.Implementation;

namespace MoniKit.Data.Tests;

/// <summary>Hostile parameter sets: secret names written any way, and ORM-style names bound to secret columns.</summary>
[TestClass]
public sealed class DbParameterValuesTests
{
    private const string Secret = "s3cr3t-param";

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

        Assert.AreEqual(Redaction.Mask, values[name]);
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
            Assert.AreEqual(secret.Contains(name) ? Redaction.Mask : Secret + name, values[name], $"{name} in {sql}");
        }
    }

    [TestMethod]
    public void Capture_ProviderNameWithoutPrefix_MatchedToItsPlaceholder()
    {
        var values = Capture("INSERT INTO u (name, pwd) VALUES (@p0, @p1)", ("p0", "ann"), ("p1", Secret));

        Assert.AreEqual("ann", values["p0"]);
        Assert.AreEqual(Redaction.Mask, values["p1"]);
    }

    [TestMethod]
    public void Capture_HostPolicy_ExtraNameAndColumnMasked()
    {
        var options = new RedactionOptions();
        options.SensitiveNames.Add("iban");
        var policy = new RedactionPolicy(options);

        var values = Capture(policy, "UPDATE accounts SET iban = @p0 WHERE id = @p1", ("@p0", "DE89"), ("@p1", "7"), ("@payerIban", "DE12"));

        Assert.AreEqual(Redaction.Mask, values["@p0"]);
        Assert.AreEqual("7", values["@p1"]);
        Assert.AreEqual(Redaction.Mask, values["@payerIban"]);
    }

    [TestMethod]
    public void Capture_Values_FormattedInvariantAndCut()
    {
        var values = Capture("SELECT 1", ("@n", 1.5), ("@b", new byte[] { 1, 2, 3 }), ("@s", new string('x', 300)), ("@null", DBNull.Value));

        Assert.AreEqual("1.5", values["@n"]);
        Assert.AreEqual("(3 bytes)", values["@b"]);
        Assert.AreEqual(new string('x', 256) + "…", values["@s"]);
        Assert.IsNull(values["@null"]);
    }

    private static IReadOnlyDictionary<string, string?> Capture(string sql, params (string Name, object Value)[] parameters) =>
        Capture(RedactionPolicy.Default, sql, parameters);

    private static IReadOnlyDictionary<string, string?> Capture(RedactionPolicy policy, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = new SqliteCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var statement = SqlStatementParser.Parse(sql, CommandType.Text, DbSystemNames.PostgreSql, 4000, policy);
        return DbParameterValues.Capture(command.Parameters, policy, statement.SecretPlaceholders)!;
    }
}
