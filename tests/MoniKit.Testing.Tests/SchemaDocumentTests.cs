using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MoniKit.Testing.Tests;

/// <summary>The JSON Schema, <c>LogFields</c> and <c>docs/log-schema.md</c> say the same thing.</summary>
[TestClass]
public sealed class SchemaDocumentTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(Repository.Root, "docs", "log-schema.md"));

    [TestMethod]
    public void LogSchemaDocument_ExampleLines_ConformAndCoverEveryKind()
    {
        var start = Document.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var end = Document.IndexOf("```", start, StringComparison.Ordinal);
        var lines = Document[start..end].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        LogAssert.Conforms(lines);
        foreach (var kind in EventKinds.All)
        {
            Assert.IsTrue(lines.Any(l => l.Contains($"\"monikit.kind\":\"{kind}\"", StringComparison.Ordinal)), kind);
        }
    }

    [TestMethod]
    public void JsonSchema_VersionConstant_IsTheCurrentSchemaVersion()
    {
        using var schema = JsonDocument.Parse(LogSchema.JsonSchema);

        Assert.AreEqual(LogFields.CurrentSchemaVersion, schema.RootElement.GetProperty("properties").GetProperty(LogFields.SchemaVersion).GetProperty("const").GetString());
        StringAssert.EndsWith(schema.RootElement.GetProperty("$id").GetString(), $"log-schema.v{LogFields.CurrentSchemaVersion}.json");
        StringAssert.Contains(Document, $"# MoniKit log schema v{LogFields.CurrentSchemaVersion}");
        StringAssert.Contains(Document, $"## Changes from v{int.Parse(LogFields.CurrentSchemaVersion, System.Globalization.CultureInfo.InvariantCulture) - 1}");
    }

    [TestMethod]
    public void LogFields_EveryFieldAndPrefix_InTheJsonSchemaAndTheDocument()
    {
        using var schema = JsonDocument.Parse(LogSchema.JsonSchema);
        var properties = schema.RootElement.GetProperty("properties");
        var patterns = schema.RootElement.GetProperty("patternProperties").EnumerateObject().Select(p => p.Name).ToArray();
        foreach (var field in typeof(LogFields).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            var name = (string)field.GetRawConstantValue()!;
            if (field.Name is nameof(LogFields.CurrentSchemaVersion) or nameof(LogFields.CurrentEcsVersion))
            {
                continue;
            }

            if (name.EndsWith('.'))
            {
                Assert.IsTrue(patterns.Any(p => Regex.IsMatch(name + "key", p, RegexOptions.None, TimeSpan.FromSeconds(1))), $"{field.Name} ({name}) has no patternProperties entry");
                StringAssert.Contains(Document, $"`{name}<", $"{field.Name} ({name}) is not documented");
            }
            else
            {
                Assert.IsTrue(properties.TryGetProperty(name, out _), $"{field.Name} ({name}) is not in the JSON Schema");
                StringAssert.Contains(Document, $"`{name}`", $"{field.Name} ({name}) is not documented");
            }
        }
    }

    [TestMethod]
    public void JsonSchema_EveryProperty_Documented()
    {
        using var schema = JsonDocument.Parse(LogSchema.JsonSchema);

        foreach (var property in schema.RootElement.GetProperty("properties").EnumerateObject())
        {
            StringAssert.Contains(Document, $"`{property.Name}`", $"{property.Name} is not documented");
        }
    }
}
