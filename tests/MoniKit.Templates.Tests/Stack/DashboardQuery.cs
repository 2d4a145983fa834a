using System.Text.Json;
using System.Text.RegularExpressions;

namespace MoniKit.Templates.Tests.Stack;

/// <summary>A Prometheus query of a Grafana dashboard: a panel target's <c>expr</c>, or a query variable's query.</summary>
public sealed partial record DashboardQuery(string Dashboard, string Panel, string Expression)
{
    /// <summary>
    /// The values Grafana gives its built-in variables for a dashboard over the last hour on a data source scraped
    /// every 5 s (its <c>timeInterval</c>): <c>$__interval</c> is clamped to 5 s and <c>$__rate_interval</c> is
    /// four scrape intervals.
    /// </summary>
    private static readonly Dictionary<string, string> BuiltIn = new()
    {
        ["__interval"] = "5s",
        ["__interval_ms"] = "5000",
        ["__rate_interval"] = "20s",
        ["__range"] = "1h",
        ["__range_s"] = "3600",
        ["__range_ms"] = "3600000",
    };

    /// <summary>Every Prometheus query in a dashboard file; Loki's LogQL queries are left out.</summary>
    public static IReadOnlyList<DashboardQuery> Read(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var root = document.RootElement;
        var name = root.GetProperty("title").GetString()!;
        var queries = new List<DashboardQuery>();
        if (root.TryGetProperty("templating", out var templating))
        {
            foreach (var variable in templating.GetProperty("list").EnumerateArray())
            {
                if (variable.GetProperty("type").GetString() == "query" && (IsPrometheus(variable) ?? true))
                {
                    var query = variable.GetProperty("query");
                    var text = query.ValueKind == JsonValueKind.Object ? query.GetProperty("query").GetString()! : query.GetString()!;
                    queries.Add(new DashboardQuery(name, "variable " + variable.GetProperty("name").GetString(), text));
                }
            }
        }

        foreach (var panel in Panels(root.GetProperty("panels")))
        {
            foreach (var target in panel.TryGetProperty("targets", out var targets) ? targets.EnumerateArray() : Enumerable.Empty<JsonElement>())
            {
                // Without a data source of its own a target uses its panel's, and then the default: Prometheus.
                var prometheus = IsPrometheus(target) ?? IsPrometheus(panel) ?? true;
                if (prometheus && target.TryGetProperty("expr", out var expr))
                {
                    queries.Add(new DashboardQuery(name, panel.GetProperty("title").GetString()!, expr.GetString()!));
                }
            }
        }

        return queries;
    }

    /// <summary>
    /// The expression as Grafana sends it to Prometheus for <paramref name="service"/>. A <c>label_values(selector,
    /// label)</c> variable query becomes its selector. Fails on a variable it does not know.
    /// </summary>
    public string ToPromQl(string service)
    {
        var labelValues = LabelValues().Match(Expression);
        var expression = labelValues.Success ? labelValues.Groups[1].Value : Expression;
        return Variable().Replace(expression, m =>
        {
            var variable = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
            if (variable == "service")
            {
                return service;
            }

            Assert.IsTrue(BuiltIn.TryGetValue(variable, out var value), $"{this}: the test does not know the variable ${variable}");
            return value;
        });
    }

    public override string ToString() => $"{Dashboard} / {Panel}: {Expression}";

    private static bool? IsPrometheus(JsonElement element)
    {
        if (!element.TryGetProperty("datasource", out var datasource) || datasource.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var reference = datasource.ValueKind == JsonValueKind.Object
            ? (datasource.TryGetProperty("type", out var type) ? type.GetString() : null) ?? datasource.GetProperty("uid").GetString()
            : datasource.GetString();
        return reference is not null && reference.Contains("prometheus", StringComparison.OrdinalIgnoreCase);
    }

    // Rows hold their collapsed panels in their own "panels" list.
    private static IEnumerable<JsonElement> Panels(JsonElement panels)
    {
        foreach (var panel in panels.EnumerateArray())
        {
            yield return panel;
            if (panel.TryGetProperty("panels", out var nested))
            {
                foreach (var inner in Panels(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    [GeneratedRegex(@"^\s*label_values\((.+),\s*\w+\s*\)\s*$", RegexOptions.Singleline)]
    private static partial Regex LabelValues();

    [GeneratedRegex(@"\$\{(\w+)(?::\w+)?\}|\$(\w+)")]
    private static partial Regex Variable();
}
