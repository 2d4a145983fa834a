using System.Data.Common;
using System.Globalization;

namespace MoniKit.Data.Implementation;

/// <summary>
/// Snapshots parameter values for the log, masking those whose names the host's redaction policy calls secrets,
/// and those bound to a column with such a name (<see cref="SqlParameterColumns"/>).
/// </summary>
internal static class DbParameterValues
{
    private const int MaxValueLength = 256;

    public static IReadOnlyDictionary<string, string?>? Capture(DbParameterCollection parameters, RedactionPolicy redaction, IReadOnlySet<string> secretPlaceholders)
    {
        if (parameters.Count == 0)
        {
            return null;
        }

        var values = new Dictionary<string, string?>(parameters.Count, StringComparer.Ordinal);
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            var name = string.IsNullOrEmpty(parameter.ParameterName)
                ? "$" + (i + 1).ToString(CultureInfo.InvariantCulture)
                : parameter.ParameterName;
            values[name] = redaction.IsSensitiveName(name) || secretPlaceholders.Contains(SqlParameterColumns.Bare(name))
                ? Redaction.Mask
                : Format(parameter.Value);
        }

        return values;
    }

    private static string? Format(object? value)
    {
        var text = value switch
        {
            null or DBNull => null,
            string s => s,
            byte[] bytes => $"({bytes.Length} bytes)",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return text is { Length: > MaxValueLength } ? string.Concat(text.AsSpan(0, MaxValueLength), "…") : text;
    }
}
