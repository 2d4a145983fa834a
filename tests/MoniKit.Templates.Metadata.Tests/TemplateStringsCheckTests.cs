namespace MoniKit.Templates.Metadata.Tests;

[TestClass]
public sealed class TemplateStringsCheckTests
{
    private static readonly Dictionary<string, string> Template = new()
    {
        ["name"] = "Web API",
        ["symbols/Tests/description"] = "Adds a test project.",
    };

    private static readonly Dictionary<string, string> Korean = new()
    {
        ["name"] = "웹 API",
        ["symbols/Tests/description"] = "테스트 프로젝트를 추가합니다.",
    };

    [TestMethod]
    public void Problems_FilesInStep_None()
    {
        Assert.AreEqual(0, TemplateStringsCheck.Problems(Template, Template, Korean).Count);
    }

    [TestMethod]
    public void Problems_OptionInEnglishOnly_ReportsTheMissingKoreanKey()
    {
        var english = With(Template, "symbols/Compose/description", "Adds docker-compose.yml.");
        var template = With(Template, "symbols/Compose/description", "Adds docker-compose.yml.");

        var problems = TemplateStringsCheck.Problems(template, english, Korean);

        CollectionAssert.Contains(problems.ToList(), "templatestrings.ko.json has no 'symbols/Compose/description'");
        CollectionAssert.Contains(problems.ToList(), "'symbols/Compose/description' is in English only");
    }

    [TestMethod]
    public void Problems_OptionInKoreanOnly_ReportsItStaleAndInKoreanOnly()
    {
        var korean = With(Korean, "symbols/Compose/description", "docker-compose.yml을 추가합니다.");

        var problems = TemplateStringsCheck.Problems(Template, Template, korean);

        CollectionAssert.AreEquivalent(
            new[]
            {
                "templatestrings.ko.json has 'symbols/Compose/description', which template.json does not have (stale)",
                "'symbols/Compose/description' is in Korean only",
            },
            problems.ToList());
    }

    [TestMethod]
    public void Problems_EnglishDiffersFromTemplateJson_ReportsBoth()
    {
        var english = With(Template, "name", "Old name");

        var problems = TemplateStringsCheck.Problems(Template, english, Korean);

        CollectionAssert.AreEqual(new[] { "templatestrings.en.json: 'name' is \"Old name\", template.json says \"Web API\"" }, problems.ToList());
    }

    [TestMethod]
    public void Problems_EmptyTranslation_Reported()
    {
        var problems = TemplateStringsCheck.Problems(Template, Template, With(Korean, "name", " "));

        CollectionAssert.AreEqual(new[] { "templatestrings.ko.json: 'name' is empty" }, problems.ToList());
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> strings, string key, string value) =>
        new(strings) { [key] = value };
}
