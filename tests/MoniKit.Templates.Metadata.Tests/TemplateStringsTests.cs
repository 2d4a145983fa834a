namespace MoniKit.Templates.Metadata.Tests;

/// <summary>
/// Each template's localize/templatestrings.en.json and templatestrings.ko.json against its template.json: what
/// <c>dotnet new &lt;template&gt; --help</c> shows in English and, under DOTNET_CLI_UI_LANGUAGE=ko, in Korean.
/// </summary>
[TestClass]
public sealed class TemplateStringsTests
{
    /// <summary>
    /// The Kubernetes option (--kubernetes) comes to the service templates in a change of its own; its strings are
    /// here already. Once template.json has the symbol, its strings are checked like the others, and this entry goes.
    /// </summary>
    private static readonly Dictionary<string, string[]> PendingSymbols = new()
    {
        ["monikit-webapi"] = ["Kubernetes"],
        ["monikit-worker"] = ["Kubernetes"],
        ["monikit-data"] = ["Kubernetes"],
    };

    public static IEnumerable<object[]> Templates => TemplateConfig.All.Select(t => new object[] { t });

    [TestMethod]
    [DynamicData(nameof(Templates))]
    public void TemplateStrings_BothLanguages_CoverEveryStringOfTemplateJsonAndNothingElse(string name)
    {
        var template = TemplateConfig.Of(name);

        var problems = TemplateStringsCheck.Problems(
            LocalizableStrings.Extract(template.TemplateJson), template.Strings("en"), template.Strings("ko"), Pending(name));

        Assert.AreEqual(0, problems.Count, $"{name}:\n{string.Join("\n", problems)}");
    }

    [TestMethod]
    [DynamicData(nameof(Templates))]
    public void TemplateStrings_Korean_TranslatedWithTheEnglishTermsKept(string name)
    {
        var template = TemplateConfig.Of(name);

        var problems = KoreanStringsCheck.Problems(template.Strings("en"), template.Strings("ko"));

        Assert.AreEqual(0, problems.Count, $"{name}:\n{string.Join("\n", problems)}");
    }

    [TestMethod]
    [DynamicData(nameof(Templates))]
    public void TemplateStrings_Files_OnlyEnglishAndKoreanAsUtf8WithoutBom(string name)
    {
        var folder = Path.Combine(TemplateConfig.Of(name).ConfigDirectory, "localize");

        var files = Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        CollectionAssert.AreEqual(new[] { "templatestrings.en.json", "templatestrings.ko.json" }, files);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, file!));
            Assert.IsFalse(bytes is [0xEF, 0xBB, 0xBF, ..], $"{name}/{file} starts with a byte order mark");
        }
    }

    [TestMethod]
    public void PendingSymbols_NotInTemplateJsonYet()
    {
        foreach (var (name, symbols) in PendingSymbols)
        {
            var defined = TemplateConfig.Of(name).TemplateJson.Members("symbols").Select(s => s.Key).ToList();
            var arrived = symbols.Intersect(defined).ToList();
            Assert.AreEqual(0, arrived.Count, $"{name} defines {string.Join(", ", arrived)} now: remove it from PendingSymbols");
        }
    }

    private static string[] Pending(string name) => PendingSymbols.TryGetValue(name, out var symbols) ? symbols : [];
}
