using System.Text;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// Turns OpenTelemetry instrument and attribute names into Prometheus names, following the OpenTelemetry
/// specification's Prometheus compatibility rules so dashboards written for the OpenTelemetry exporter work unchanged.
/// </summary>
internal static class PrometheusNames
{
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["d"] = "days", ["h"] = "hours", ["min"] = "minutes", ["s"] = "seconds", ["ms"] = "milliseconds",
        ["us"] = "microseconds", ["ns"] = "nanoseconds", ["By"] = "bytes", ["KiBy"] = "kibibytes",
        ["MiBy"] = "mebibytes", ["GiBy"] = "gibibytes", ["TiBy"] = "tebibytes", ["kBy"] = "kilobytes",
        ["MBy"] = "megabytes", ["GBy"] = "gigabytes", ["TBy"] = "terabytes",

        // Not UCUM (K is kelvin there), but OpenTelemetry's own Prometheus exporter maps it, so instruments use it.
        ["KBy"] = "kilobytes",
 ["m"] = "meters", ["V"] = "volts",
        ["A"] = "amperes", ["J"] = "joules", ["W"] = "watts", ["g"] = "grams", ["Cel"] = "celsius", ["Hz"] = "hertz",
        ["%"] = "percent",
    };

    private static readonly Dictionary<string, string> PerUnits = new(StringComparer.Ordinal)
    {
        ["s"] = "second", ["m"] = "minute", ["h"] = "hour", ["d"] = "day", ["w"] = "week", ["mo"] = "month",
        ["y"] = "year",
    };

    /// <summary>The Prometheus metric name: sanitised, with the unit suffix and <c>_total</c> on counters.</summary>
    public static string MetricName(string name, string? unit, PrometheusMetricType type)
    {
        var baseName = Sanitize(name, allowColon: true);
        if (baseName.Length > 0 && char.IsAsciiDigit(baseName[0]))
        {
            baseName = "_" + baseName;
        }

        if (type == PrometheusMetricType.Counter && baseName.EndsWith("_total", StringComparison.Ordinal))
        {
            baseName = baseName[..^"_total".Length];
        }

        var suffix = UnitSuffix(unit, type);
        if (suffix.Length > 0 && !baseName.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            baseName = baseName + "_" + suffix;
        }

        if (type == PrometheusMetricType.Counter)
        {
            return baseName + "_total";
        }

        // Prometheus reserves these suffixes for counters, histograms and summaries, and promtool rejects a gauge
        // named like dotnet_assembly_count; a gauge keeps its name with "_value" appended instead.
        return type == PrometheusMetricType.Gauge && EndsWithReservedSuffix(baseName) ? baseName + "_value" : baseName;
    }

    private static bool EndsWithReservedSuffix(string name) =>
        name.EndsWith("_count", StringComparison.Ordinal) || name.EndsWith("_sum", StringComparison.Ordinal)
        || name.EndsWith("_bucket", StringComparison.Ordinal) || name.EndsWith("_total", StringComparison.Ordinal);

    /// <summary>The OpenMetrics MetricFamily name: a counter's name without its <c>_total</c>, any other name as it is.</summary>
    public static string FamilyName(string name, PrometheusMetricType type) =>
        type == PrometheusMetricType.Counter && name.EndsWith("_total", StringComparison.Ordinal) ? name[..^"_total".Length] : name;

    /// <summary>
    /// The Prometheus label name of an attribute: each run of invalid characters becomes one <c>_</c>, and a name that
    /// would start with a digit or an underscore (reserved in OpenMetrics) is prefixed with <c>key</c>.
    /// </summary>
    public static string LabelName(string key)
    {
        var name = Sanitize(key, allowColon: false);
        if (name.Length == 0)
        {
            return "key_";
        }

        return char.IsAsciiDigit(name[0]) ? "key_" + name : name[0] == '_' ? "key" + name : name;
    }

    /// <summary>The unit suffix: <c>s</c> becomes <c>seconds</c>, <c>{request}</c> disappears, <c>1</c> on a gauge becomes <c>ratio</c>.</summary>
    public static string UnitSuffix(string? unit, PrometheusMetricType type)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return string.Empty;
        }

        var trimmed = RemoveAnnotations(unit).Trim();
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }

        if (trimmed == "1")
        {
            return type == PrometheusMetricType.Gauge ? "ratio" : string.Empty;
        }

        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return Sanitize(Units.GetValueOrDefault(trimmed, trimmed), allowColon: true).Trim('_');
        }

        var numerator = trimmed[..slash].Trim();
        var denominator = trimmed[(slash + 1)..].Trim();
        var left = Units.GetValueOrDefault(numerator, numerator);
        var right = PerUnits.GetValueOrDefault(denominator, denominator);
        var combined = right.Length == 0 ? left : left.Length == 0 ? "per_" + right : left + "_per_" + right;
        return Sanitize(combined, allowColon: true).Trim('_');
    }

    private static string RemoveAnnotations(string unit)
    {
        if (!unit.Contains('{', StringComparison.Ordinal))
        {
            return unit;
        }

        var builder = new StringBuilder(unit.Length);
        var depth = 0;
        foreach (var c in unit)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // The specification: invalid characters become '_' and consecutive '_' become one. Colons are valid in metric
    // names only.
    private static string Sanitize(string name, bool allowColon)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var valid = char.IsAsciiLetter(c) || char.IsAsciiDigit(c) || c == '_' || (allowColon && c == ':');
            var next = valid ? c : '_';
            if (next == '_' && builder.Length > 0 && builder[^1] == '_')
            {
                continue;
            }

            builder.Append(next);
        }

        return builder.ToString();
    }
}
