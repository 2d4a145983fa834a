using System.Text.Json.Nodes;

namespace MoniKit.Templates.Metadata.Tests;

/// <summary>dotnetcli.host.json and ide.host.json name only options that template.json defines, and say the same.</summary>
[TestClass]
public sealed class HostFilesTests
{
    public static IEnumerable<object[]> Templates => TemplateConfig.All.Select(t => new object[] { t });

    [TestMethod]
    [DynamicData(nameof(Templates))]
    public void DotnetCliHost_EverySymbolInfo_IsAnOptionOfTemplateJson(string name)
    {
        var template = TemplateConfig.Of(name);
        var options = Options(template);

        var unknown = template.Read("dotnetcli.host.json").Members("symbolInfo").Select(s => s.Key).Except(options).ToList();

        Assert.AreEqual(0, unknown.Count, $"{name}: {string.Join(", ", unknown)}");
    }

    [TestMethod]
    [DynamicData(nameof(Templates))]
    public void IdeHost_EveryName_IsTheDisplayNameOfTemplateJson(string name)
    {
        var template = TemplateConfig.Of(name);
        var symbols = template.TemplateJson.Members("symbols").ToDictionary(s => s.Key, s => s.Value);

        foreach (var info in template.Read("ide.host.json").Objects("symbolInfo"))
        {
            var id = info.GetString("id")!;
            Assert.IsTrue(symbols.TryGetValue(id, out var symbol) && symbol.GetString("type") == "parameter", $"{name}: ide.host.json names '{id}', which is no option");
            // Visual Studio shows ide.host.json's name; dotnet new and the localized strings use displayName.
            Assert.AreEqual(symbol.GetString("displayName"), (info.Get("name") as JsonObject)?.GetString("text"), $"{name}: {id}");
        }
    }

    private static List<string> Options(TemplateConfig template) =>
        [.. template.TemplateJson.Members("symbols").Where(s => s.Value.GetString("type") == "parameter").Select(s => s.Key)];
}
