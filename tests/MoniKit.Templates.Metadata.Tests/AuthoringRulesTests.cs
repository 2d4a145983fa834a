using System.Text.Json.Nodes;

namespace MoniKit.Templates.Metadata.Tests;

[TestClass]
public sealed class AuthoringRulesTests
{
    private const string Complete = """
        {
          "author": "MoniKit",
          "classifications": ["Web"],
          "identity": "Sample.Template",
          "groupIdentity": "Sample",
          "precedence": 100,
          "generatorVersions": "[1.0.0.0-*)",
          "name": "Sample",
          "shortName": "sample",
          "sourceName": "SampleService",
          "symbols": {
            "Features": { "type": "parameter", "datatype": "choice", "allowMultipleValues": true, "choices": [{ "choice": "logs" }, { "choice": "metrics" }] }
          },
          "sources": [{ "source": "./" }],
          "postActions": [{ "id": "restore", "actionId": "210D431B-A78B-4D2F-B762-4ED3E3EA9025", "manualInstructions": [{ "id": "restore", "text": "Run 'dotnet restore'" }] }]
        }
        """;

    private static string _root = "";

    [ClassInitialize]
    public static void CreateRoot(TestContext context)
    {
        _root = Path.Combine(Path.GetTempPath(), $"monikit-authoring-rules-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(_root, "content"));
        File.WriteAllText(Path.Combine(_root, "file.txt"), "not a folder");
    }

    [ClassCleanup]
    public static void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    public void Check_CompleteTemplate_FindsNothing()
    {
        var findings = AuthoringRules.Check(Parse(Complete), _root);

        Assert.AreEqual(0, findings.Count, string.Join("\n", findings));
    }

    [TestMethod]
    [DataRow("MV001", "identity", null)]
    [DataRow("MV001", "identity", "\"  \"")]
    [DataRow("MV002", "name", null)]
    [DataRow("MV003", "shortName", null)]
    [DataRow("MV003", "shortName", "[]")]
    [DataRow("MV004", "symbols", """{ "Features": { "type": "parameter", "datatype": "choice", "allowMultipleValues": true, "choices": [{ "choice": "logs|metrics" }] } }""")]
    [DataRow("MV004", "symbols", """{ "Features": { "type": "parameter", "datatype": "choice", "allowMultipleValues": "true", "choices": [{ "choice": "a,b" }] } }""")]
    [DataRow("MV005", "sourceName", null)]
    [DataRow("MV006", "author", "\"\"")]
    [DataRow("MV007", "groupIdentity", null)]
    [DataRow("MV008", "generatorVersions", null)]
    [DataRow("MV009", "precedence", null)]
    [DataRow("MV009", "precedence", "0")]
    [DataRow("MV009", "precedence", "\"0\"")]
    [DataRow("MV010", "classifications", null)]
    [DataRow("MV010", "classifications", "[]")]
    [DataRow("MV011", "postActions", """[{ "id": "restore", "actionId": "210D431B-A78B-4D2F-B762-4ED3E3EA9025" }]""")]
    [DataRow("MV011", "postActions", """[{ "id": "restore", "actionId": "210D431B-A78B-4D2F-B762-4ED3E3EA9025", "manualInstructions": [] }]""")]
    [DataRow("MV012", "sources", """[{ "source": "../" }]""")]
    [DataRow("MV012", "sources", """[{ "source": "./missing" }]""")]
    [DataRow("MV012", "sources", """[{ "source": "./file.txt" }]""")]
    public void Check_OneRuleBroken_ReportsThatRuleOnly(string code, string property, string? value)
    {
        var template = Parse(Complete);
        template.Remove(property);
        if (value is not null)
        {
            template[property] = JsonNode.Parse(value);
        }

        var findings = AuthoringRules.Check(template, _root);

        Assert.AreEqual(code, string.Join(", ", findings.Select(f => f.Code)), string.Join("\n", findings));
    }

    [TestMethod]
    public void Check_PropertyNamesInAnotherCase_ReadAsTheEngineReadsThem()
    {
        var template = Parse(Complete.Replace("\"identity\"", "\"Identity\"", StringComparison.Ordinal).Replace("\"precedence\": 100", "\"Precedence\": \"100\"", StringComparison.Ordinal));

        Assert.AreEqual(0, AuthoringRules.Check(template, _root).Count);
    }

    [TestMethod]
    public void Check_NoSourcesAndASubfolderSource_AreTheTemplateRootAndTheSubfolder()
    {
        var template = Parse(Complete);
        template.Remove("sources");
        Assert.AreEqual(0, AuthoringRules.Check(template, _root).Count, "no sources means ./");

        template["sources"] = JsonNode.Parse("""[{ "source": "./content" }]""");
        Assert.AreEqual(0, AuthoringRules.Check(template, _root).Count);
    }

    [TestMethod]
    public void Check_SeparatorInAChoiceOfASingleValueSymbol_IsAllowed()
    {
        var template = Parse(Complete);
        template["symbols"] = JsonNode.Parse("""{ "Framework": { "type": "parameter", "datatype": "choice", "choices": [{ "choice": "a|b" }] } }""");

        Assert.AreEqual(0, AuthoringRules.Check(template, _root).Count);
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
