using System.Data.Common;
using System.Globalization;

namespace MoniKit.Data.Implementation;

/// <summary>
/// Snapshots parameter values for the log as OpenTelemetry's <c>db.query.parameter.&lt;key&gt;</c> fields, masking
/// those whose names the host's redaction policy calls secrets, and those bound to a column with such a name
/// (<see cref="SqlParameterColumns"/>).
/// </summary>
internal static class DbParameterValues
{
    private const int MaxValueLength = 256;

    /// <summary>The field name and value of each parameter; <see langword="null"/> when the command has none.</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>>? Capture(DbParameterCollection parameters, RedactionPolicy redaction, IReadOnlySet<string> secretPlaceholders)
    {
        if (parameters.Count == 0)
        {
            return null;
        }

        var values = new List<KeyValuePair<string, string?>>(parameters.Count);
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            var name = parameter.ParameterName ?? string.Empty;

            // An unnamed parameter is positional ($1, $2, ... in PostgreSQL): that is how the SQL refers to it.
            var placeholder = name.Length == 0 ? "$" + (i + 1).ToString(CultureInfo.InvariantCulture) : name;
            values.Add(new(
                LogFields.DbQueryParameterPrefix + Key(name, i),
                redaction.IsSensitiveName(placeholder) || secretPlaceholders.Contains(SqlParameterColumns.Bare(placeholder))
                    ? Redaction.Mask
                    : Format(parameter.Value)));
        }

        return values;
    }

    // OpenTelemetry keys a parameter by its name, or by its 0-based position when it has none; the placeholder's
    // prefix is no part of the name, so "@id" and "id" give one key.
    private static string Key(string name, int position)
    {
        var bare = name.Length > 0 && name[0] is '@' or ':' or '$' ? name[1..] : name;
        return bare.Length == 0 ? position.ToString(CultureInfo.InvariantCulture) : bare;
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
