namespace MoniKit.Testing.Tests;

[TestClass]
public sealed class SchemaDocumentTests
{
    [TestMethod]
    public void LogSchemaDocument_ExampleLines_ConformAndCoverEveryKind()
    {
        var document = File.ReadAllText(Path.Combine(Repository.Root, "docs", "log-schema.md"));
        var start = document.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var end = document.IndexOf("```", start, StringComparison.Ordinal);
        var lines = document[start..end].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        LogAssert.Conforms(lines);
        foreach (var kind in EventKinds.All)
        {
            Assert.IsTrue(lines.Any(l => l.Contains($"\"monikit.kind\":\"{kind}\"", StringComparison.Ordinal)), kind);
        }
    }
}
