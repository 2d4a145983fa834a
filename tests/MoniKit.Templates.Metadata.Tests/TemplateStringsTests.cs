namespace MoniKit.Templates.Metadata.Tests;

/// <summary>
/// Each template's localize/templatestrings.en.json and templatestrings.ko.json against its template.json: what
/// <c>dotnet new &lt;template&gt; --help</c> shows in English and, under DOTNET_CLI_UI_LANGUAGE=ko, in Korean.
/// </summary>
[TestClass]
public sealed class TemplateStringsTests
{
    public static IEnumerable<object[]> Templates => TemplateConfig.All.Select(t => new object[] { t });

    [TestMethod]
    [DynamicData(nameof(Templates))]
    public void TemplateStrings_BothLanguages_CoverEveryStringOfTemplateJsonAndNothingElse(string name)
    {
        var template = TemplateConfig.Of(name);

        var problems = TemplateStringsCheck.Problems(
            LocalizableStrings.Extract(template.TemplateJson), template.Strings("en"), template.Strings("ko"));

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
}
