using System.Text.RegularExpressions;
using MoniKit.Templates.Tests.Infrastructure;

namespace MoniKit.Templates.Tests;

/// <summary>
/// What <c>dotnet new</c> shows from the installed pack in the CLI's UI language (DOTNET_CLI_UI_LANGUAGE): the
/// template's name, description and every option and choice, then the restore post action's description and manual
/// instructions, from localize/templatestrings.&lt;culture&gt;.json.
/// </summary>
[TestClass]
public sealed partial class LocalizedHelpTests
{
    [TestMethod]
    [DataRow("monikit-webapi", "ko")]
    [DataRow("monikit-worker", "ko")]
    [DataRow("monikit-data", "ko")]
    [DataRow("monikit-stack", "ko")]
    [DataRow("monikit-webapi", "ko-KR")]
    [DataRow("monikit-data", "en")]
    public async Task Help_UiLanguage_ShowsTheTemplateAndEveryOptionInThatLanguage(string template, string culture)
    {
        await TemplatePack.EnsureInstalledAsync();
        var strings = TemplateStrings.Read(template, culture == "ko-KR" ? "ko" : culture);
        var options = TemplateStrings.Options(template);

        var help = await TemplateStrings.DotnetNewInLanguageAsync(culture, TemplatePack.WorkRoot, template, "--help");

        Assert.AreEqual(0, help.ExitCode, help.Output);
        // Help wraps long descriptions at spaces: compare with the whitespace taken out.
        var shown = Whitespace().Replace(help.Output, "");
        var shownStrings = strings.Where(s => s.Key is "name" or "description" || IsShownOptionString(s.Key, options)).ToList();
        Assert.IsTrue(shownStrings.Count > 2, "the help should show the template's name, description and options");
        var missing = shownStrings.Where(s => !shown.Contains(Whitespace().Replace(s.Value, ""), StringComparison.Ordinal)).Select(s => s.Key).ToList();
        Assert.AreEqual(0, missing.Count, $"not shown: {string.Join(", ", missing)}\n{help.Output}");
    }

    [TestMethod]
    [DataRow("monikit-webapi")]
    [DataRow("monikit-worker")]
    [DataRow("monikit-data")]
    public async Task New_KoreanUiLanguage_RestorePostActionSpeaksKorean(string template)
    {
        await TemplatePack.EnsureInstalledAsync();
        var strings = TemplateStrings.Read(template, "ko");
        var directory = Path.Combine(TemplatePack.WorkRoot, "projects", $"{template}-ko-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(directory);

        var dryRun = await TemplateStrings.DotnetNewInLanguageAsync("ko", directory, template, "-n", "Orders", "-o", Path.Combine(directory, "dry"), "--dry-run");
        // A package source that does not exist fails the restore, and the CLI then shows the manual instructions. An
        // empty package folder of its own makes the restore look there: with MoniKit's packages already in the shared
        // folder from other tests, it would not, and would succeed.
        var failedRestore = await TemplateStrings.DotnetNewInLanguageAsync(
            "ko",
            directory,
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(directory, "empty-package-folder") },
            template, "-n", "Orders", "-o", Path.Combine(directory, "real"), "--package-source", Path.Combine(directory, "no-such-folder"));

        Assert.AreEqual(0, dryRun.ExitCode, dryRun.Output);
        StringAssert.Contains(dryRun.Output, strings["postActions/restore/description"]);
        StringAssert.Contains(failedRestore.Output, strings["postActions/restore/manualInstructions/restore/text"]);
    }

    private static bool IsShownOptionString(string key, IReadOnlySet<string> options)
    {
        var parts = key.Split('/');
        // dotnet new's help shows each option's and each choice's description; display names are for IDEs.
        return parts[0] == "symbols" && options.Contains(parts[1]) && parts[^1] == "description";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
