using System.Text.Json.Nodes;

namespace MoniKit.Stack.Tests;

/// <summary>
/// The stack's part of every template.json that brings the stack: the same generated passwords and the same
/// processing of the .env file as the test template that renders the variants, so what the tests render is what
/// users get.
/// </summary>
[TestClass]
public sealed class TemplateJsonTests
{
    private static readonly string[] StackSymbols = ["GrafanaAdminPassword", "PostgresPassword"];

    public static IEnumerable<object[]> Templates =>
        new[] { "monikit-webapi", "monikit-worker", "monikit-data", "monikit-stack" }.Select(t => new object[] { t });

    [TestMethod]
    [DynamicData(nameof(Templates))]
    public void TemplateJson_StackTemplate_DeclaresTheStackSymbolsAndEnvProcessingOfTheTestTemplate(string template)
    {
        var expected = Read(Path.Combine(AppContext.BaseDirectory, "TestTemplate", "template.json"));
        var actual = Read(Path.Combine(StackContent.RepositoryRoot, "templates", template, ".template.config", "template.json"));

        foreach (var symbol in StackSymbols)
        {
            Assert.IsTrue(
                JsonNode.DeepEquals(expected["symbols"]![symbol], actual["symbols"]![symbol]),
                $"{template}: symbol {symbol} differs from the test template's:\n{actual["symbols"]![symbol]}");
        }

        Assert.IsTrue(
            JsonNode.DeepEquals(expected["SpecialCustomOperations"], actual["SpecialCustomOperations"]),
            $"{template}: SpecialCustomOperations differ from the test template's");
        StringAssert.Contains(actual["sources"]!.ToJsonString(), "\"monikit.env\":\".env\"", $"{template} renames monikit.env to .env");
    }

    private static JsonNode Read(string path) => JsonNode.Parse(File.ReadAllText(path))!;
}
