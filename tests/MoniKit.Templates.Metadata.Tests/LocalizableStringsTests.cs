using System.Text.Json.Nodes;

namespace MoniKit.Templates.Metadata.Tests;

[TestClass]
public sealed class LocalizableStringsTests
{
    [TestMethod]
    public void Extract_EveryKindOfString_KeyedAsTheEngineLooksThemUp()
    {
        var template = JsonNode.Parse("""
            {
              "author": "MoniKit", "name": "Data API", "description": "A web API.", "identity": "not localized",
              "symbols": {
                "Database": {
                  "type": "parameter", "displayName": "Database", "description": "The database.",
                  "choices": [{ "choice": "sqlite", "displayName": "SQLite", "description": "A local file." }, { "choice": "postgres" }]
                },
                "Password": { "type": "generated", "generator": "guid", "replaces": "SECRET" }
              },
              "postActions": [{
                "id": "restore", "description": "Restore packages.",
                "manualInstructions": [{ "id": "run", "text": "Run 'dotnet restore'" }]
              }]
            }
            """)!.AsObject();

        var strings = LocalizableStrings.Extract(template);

        var expected = new Dictionary<string, string>
        {
            ["author"] = "MoniKit",
            ["name"] = "Data API",
            ["description"] = "A web API.",
            ["symbols/Database/displayName"] = "Database",
            ["symbols/Database/description"] = "The database.",
            ["symbols/Database/choices/sqlite/displayName"] = "SQLite",
            ["symbols/Database/choices/sqlite/description"] = "A local file.",
            ["postActions/restore/description"] = "Restore packages.",
            ["postActions/restore/manualInstructions/run/text"] = "Run 'dotnet restore'",
        };
        CollectionAssert.AreEquivalent(expected.ToList(), strings.ToList());
    }

    [TestMethod]
    [DataRow("""{ "postActions": [{ "description": "Restore packages." }] }""", "a post action has no id")]
    [DataRow("""{ "postActions": [{ "id": "restore", "manualInstructions": [{ "text": "Run it" }] }] }""", "a manual instruction of post action 'restore' has no id")]
    public void Extract_PostActionWithoutId_SaysItCannotBeLocalized(string json, string message)
    {
        var error = Assert.ThrowsExactly<InvalidDataException>(() => LocalizableStrings.Extract(JsonNode.Parse(json)!.AsObject()));

        StringAssert.StartsWith(error.Message, message);
    }
}
