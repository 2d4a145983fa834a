using System.Text.RegularExpressions;

namespace MoniKit.Templates.Metadata.Tests;

/// <summary>
/// Checks that the Korean strings are translated, and that they keep as they are the English terms Korean developers
/// use: option and file names, product names, <c>trace id</c>, <c>webhook</c>, and everything the English quotes.
/// </summary>
internal static partial class KoreanStringsCheck
{
    /// <summary>Terms a Korean string keeps whenever its English string has them.</summary>
    public static IReadOnlyList<string> KeptTerms { get; } =
    [
        "docker-compose", "Prometheus", "Grafana", "Alertmanager", "Loki", "Alloy", "Slack", "trace id", "webhook",
        "MoniKit", "MSTest", "JSON", "ASP.NET Core", "ASP.NET", "NuGet", "nuget.config", "db.query", "SQLite", "PostgreSQL",
        "Npgsql", "Dapper", "CRUD", "ConnectionStrings:Default", "/metrics", "/health", "Kubernetes", "kube-prometheus-stack",
        "deploy/kubernetes", "kustomization",
    ];

    /// <summary>Keys whose value is a name in both languages.</summary>
    private static readonly string[] Untranslated = ["author"];

    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, string> english, IReadOnlyDictionary<string, string> korean)
    {
        List<string> problems = [];
        foreach (var (key, en) in english)
        {
            if (!korean.TryGetValue(key, out var ko))
            {
                continue;
            }

            if (!Untranslated.Contains(key) && !Hangul().IsMatch(ko))
            {
                problems.Add($"'{key}' is not translated: \"{ko}\"");
            }

            var kept = KeptTerms.Concat(Quoted().Matches(en).Select(m => m.Value));
            problems.AddRange(kept.Where(term => en.Contains(term, StringComparison.Ordinal) && !ko.Contains(term, StringComparison.Ordinal))
                .Select(term => $"'{key}' drops '{term}', which the English has: \"{ko}\""));
        }

        return problems;
    }

    [GeneratedRegex(@"[\uAC00-\uD7A3]")]
    private static partial Regex Hangul();

    // 'dotnet run', '#orders-alerts', '.': what the English puts in single quotes is typed as it is. An apostrophe
    // after a letter (the service's) opens no quote.
    [GeneratedRegex(@"(?<![\p{L}\d])'[^'\s][^']*'(?![\p{L}\d])")]
    private static partial Regex Quoted();
}
