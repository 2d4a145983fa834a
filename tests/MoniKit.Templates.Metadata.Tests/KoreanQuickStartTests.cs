using System.Text.RegularExpressions;

namespace MoniKit.Templates.Metadata.Tests;

/// <summary>
/// docs/ko/README.md, the Korean quick start: reachable from the top of README.md, its links and anchors resolve, and
/// the commands, templates and options it names exist.
/// </summary>
[TestClass]
public sealed partial class KoreanQuickStartTests
{
    private static readonly string QuickStart = Repository.Path("docs", "ko", "README.md");

    [TestMethod]
    public void Readme_Top_LinksTheKoreanQuickStart()
    {
        var top = File.ReadLines(Repository.Path("README.md")).Take(5);

        Assert.IsTrue(top.Any(l => l.Contains("](docs/ko/README.md)", StringComparison.Ordinal)), "README.md's first lines link docs/ko/README.md");
    }

    [TestMethod]
    public void QuickStart_RelativeLinks_ResolveToFilesAndHeadings()
    {
        var broken = new List<string>();
        foreach (Match link in MarkdownLink().Matches(File.ReadAllText(QuickStart)))
        {
            var target = link.Groups[1].Value;
            if (target.StartsWith("http", StringComparison.Ordinal))
            {
                continue;
            }

            var (file, anchor) = target.Split('#') is [var f, var a] ? (f, a) : (target, null);
            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(QuickStart)!, file));
            if (!File.Exists(path))
            {
                broken.Add($"{target}: no file {path}");
            }
            else if (anchor is not null && !File.ReadLines(path).Where(l => l.StartsWith('#')).Select(Slug).Contains(anchor))
            {
                broken.Add($"{target}: no heading '{anchor}' in {file}");
            }
        }

        Assert.AreEqual(0, broken.Count, string.Join("\n", broken));
    }

    [TestMethod]
    public void QuickStart_CommandsTemplatesAndOptions_ExistInTheRepository()
    {
        var text = File.ReadAllText(QuickStart);
        var buildScript = File.ReadAllText(Repository.Path("build.sh"));
        foreach (var command in new[] { "sample", "test" })
        {
            StringAssert.Contains(text, $"./build.sh {command}");
            StringAssert.Contains(buildScript, $"  {command}) {command} ;;", $"build.sh has no '{command}' command");
        }

        foreach (var template in TemplateConfig.All)
        {
            StringAssert.Contains(text, $"`{template}`");
        }

        var longNames = TemplateConfig.All
            .SelectMany(t => TemplateConfig.Of(t).Read("dotnetcli.host.json").Members("symbolInfo"))
            .Select(s => "--" + s.Value.GetString("longName"))
            .Append("--name")
            .ToHashSet();
        var unknown = OptionCell().Matches(text).Select(m => m.Groups[1].Value).Where(o => !longNames.Contains(o)).ToList();
        Assert.AreEqual(0, unknown.Count, $"options no template has: {string.Join(", ", unknown)}");
    }

    // GitHub's heading anchors: lower case, spaces to '-', punctuation other than '-' and '_' dropped.
    private static string Slug(string heading) =>
        new([.. heading.TrimStart('#').Trim().ToLowerInvariant().Replace(' ', '-').Where(c => char.IsLetterOrDigit(c) || c is '-' or '_')]);

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    // The first cell of a row of the options table: | `--option` | or | `-n`, `--name` |.
    [GeneratedRegex(@"^\| (?:`-\w+`, )?`(--[a-z-]+)` \|", RegexOptions.Multiline)]
    private static partial Regex OptionCell();
}
