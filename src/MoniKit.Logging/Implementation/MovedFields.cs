using System.Globalization;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// The moved field names (<c>labels.x</c>, <c>monikit.values.x</c>) written in one line, so that two properties whose
/// keys became equal (<c>url.a.b</c> and <c>url.a_b</c>) still get a field each. Holds nothing until a property moves.
/// </summary>
internal struct MovedFields(string? context)
{
    [ThreadStatic]
    private static List<string>? t_written;

    private List<string>? _written;

    /// <summary>Returns <paramref name="field"/> (<c>,"name":</c>), or <c>,"name_2":</c> and so on if the line has it.</summary>
    public string Claim(string field)
    {
        if (_written is null)
        {
            // Taken from the thread while in use: a property's ToString may log, and that line gets a list of its own.
            _written = t_written ?? [];
            t_written = null;
        }

        var claimed = field;
        for (var n = 2; Taken(claimed); n++)
        {
            claimed = string.Concat(field.AsSpan(0, field.Length - 2), "_", n.ToString(CultureInfo.InvariantCulture), "\":");
        }

        _written.Add(claimed);
        return claimed;
    }

    /// <summary>Gives the list back to the thread.</summary>
    public void Release()
    {
        if (_written is not null)
        {
            _written.Clear();
            t_written = _written;
            _written = null;
        }
    }

    private readonly bool Taken(string field) =>
        _written!.Contains(field) || (context is not null && context.Contains(field, StringComparison.Ordinal));
}
