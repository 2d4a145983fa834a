using System.Diagnostics.CodeAnalysis;

namespace MoniKit.AspNetCore.Implementation;

/// <summary>
/// A duration written as milliseconds with one to three decimals, as <c>TotalMilliseconds.ToString("0.0##")</c> writes
/// it (<c>0.003</c>, <c>12.5</c>, <c>1234.0</c>), from whole microseconds rather than through floating-point formatting:
/// the request line's message is made for every request.
/// </summary>
internal readonly struct Milliseconds(TimeSpan duration) : ISpanFormattable
{
    private readonly long _microseconds = duration.Ticks <= 0 ? 0 : (duration.Ticks + (TimeSpan.TicksPerMicrosecond / 2)) / TimeSpan.TicksPerMicrosecond;

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        var whole = _microseconds / 1000;
        var fraction = (int)(_microseconds % 1000);
        if (!whole.TryFormat(destination, out var written, default, System.Globalization.CultureInfo.InvariantCulture))
        {
            return false;
        }

        // Three digits, trailing zeros dropped, at least one kept.
        var digits = fraction % 100 == 0 ? 1 : fraction % 10 == 0 ? 2 : 3;
        var shown = digits switch { 1 => fraction / 100, 2 => fraction / 10, _ => fraction };
        if (destination.Length < written + 1 + digits)
        {
            return false;
        }

        destination[written] = '.';
        for (var i = digits; i > 0; i--)
        {
            destination[written + i] = (char)('0' + (shown % 10));
            shown /= 10;
        }

        charsWritten = written + 1 + digits;
        return true;
    }

    public string ToString([StringSyntax(StringSyntaxAttribute.NumericFormat)] string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString()
    {
        Span<char> text = stackalloc char[32];
        return TryFormat(text, out var written, default, null) ? new string(text[..written]) : string.Empty;
    }
}
