using System.Text.Json.Nodes;

namespace MoniKit.Templates.Metadata.Tests;

/// <summary>
/// The template engine's mandatory template validation, rules MV001 to MV012, for a template.json and its template
/// root folder. The Microsoft.TemplateEngine.Authoring packages that run them are not available here, so each check is
/// written out as dotnet/templating defines it (MandatoryValidationFactory in
/// Microsoft.TemplateEngine.Orchestrator.RunnableProjects/Validation), on the values its TemplateConfigModel reads:
/// property names in any case, a missing integer read as 0, shortName and classifications as a string or an array.
/// <list type="table">
/// <item>MV001 (error): <c>identity</c> is missing or blank.</item>
/// <item>MV002 (error): <c>name</c> is missing or blank.</item>
/// <item>MV003 (error): <c>shortName</c> gives no name (missing, or an empty array).</item>
/// <item>MV004 (error): a parameter symbol with <c>allowMultipleValues</c> has a choice containing a separator, '|' or ','.</item>
/// <item>MV005 (info): <c>sourceName</c> is missing or blank.</item>
/// <item>MV006 (info): <c>author</c> is missing or blank.</item>
/// <item>MV007 (info): <c>groupIdentity</c> is missing or blank.</item>
/// <item>MV008 (info): <c>generatorVersions</c> is missing or blank.</item>
/// <item>MV009 (info): <c>precedence</c> is 0 or missing.</item>
/// <item>MV010 (info): <c>classifications</c> is missing or empty.</item>
/// <item>MV011 (info): a post action has no <c>manualInstructions</c>.</item>
/// <item>MV012 (error): a <c>sources</c> entry's <c>source</c> (default "./") is a file, lies outside the template root, or does not exist.</item>
/// </list>
/// </summary>
internal static class AuthoringRules
{
    private static readonly char[] MultiValueSeparators = ['|', ','];

    public static IReadOnlyList<RuleFinding> Check(JsonObject template, string templateRoot)
    {
        List<RuleFinding> findings = [];
        void Blank(string code, string property)
        {
            if (string.IsNullOrWhiteSpace(template.GetString(property)))
            {
                findings.Add(new(code, $"'{property}' is missing"));
            }
        }

        Blank("MV001", "identity");
        Blank("MV002", "name");
        if (template.GetStringOrArray("shortName").Count == 0)
        {
            findings.Add(new("MV003", "'shortName' is missing"));
        }

        foreach (var (name, symbol) in template.Members("symbols"))
        {
            var bad = symbol.GetString("type") == "parameter" && symbol.GetBool("allowMultipleValues")
                ? symbol.Objects("choices").Select(c => c.GetString("choice") ?? "").Where(c => c.IndexOfAny(MultiValueSeparators) >= 0).ToList()
                : [];
            if (bad.Count > 0)
            {
                findings.Add(new("MV004", $"multi-value symbol '{name}' has choices with '|' or ',': {string.Join(", ", bad)}"));
            }
        }

        Blank("MV005", "sourceName");
        Blank("MV006", "author");
        Blank("MV007", "groupIdentity");
        Blank("MV008", "generatorVersions");
        if (template.GetInt("precedence") == 0)
        {
            findings.Add(new("MV009", "'precedence' is missing"));
        }

        if (template.GetStringOrArray("classifications").Count == 0)
        {
            findings.Add(new("MV010", "'classifications' is missing"));
        }

        if (template.Objects("postActions").Any(p => p.Get("manualInstructions") is not JsonArray { Count: > 0 }))
        {
            findings.Add(new("MV011", "a post action has no manual instructions"));
        }

        findings.AddRange(Sources(template, templateRoot));
        return findings;
    }

    private static IEnumerable<RuleFinding> Sources(JsonObject template, string templateRoot)
    {
        var root = WithSeparator(Path.GetFullPath(templateRoot));
        var sources = template.Objects("sources").Select(s => s.GetString("source") ?? "./").DefaultIfEmpty("./");
        foreach (var source in sources)
        {
            var path = Path.GetFullPath(Path.Combine(root, source));
            if (File.Exists(path))
            {
                yield return new("MV012", $"source '{source}' is a file, not a folder");
            }
            else if (!WithSeparator(path).StartsWith(root, StringComparison.Ordinal))
            {
                yield return new("MV012", $"source '{source}' is outside the template's root");
            }
            else if (!Directory.Exists(path))
            {
                yield return new("MV012", $"source '{source}' does not exist");
            }
        }
    }

    private static string WithSeparator(string path) => path.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
}
