using System.Buffers;
using System.Globalization;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// Writes a bucket bound the way OpenMetrics requires for <c>le</c>: Go's <c>%g</c> of the shortest round-trip digits,
/// with <c>.0</c> appended when there is neither a point nor an exponent (<c>1.0</c>, <c>0.005</c>, <c>1e+06</c>).
/// </summary>
internal static class CanonicalNumber
{
    public static void Write(ArrayBufferWriter<byte> output, double value)
    {
        if (double.IsPositiveInfinity(value) || double.IsNegativeInfinity(value) || double.IsNaN(value))
        {
            output.WriteDouble(value);
            return;
        }

        Span<char> text = stackalloc char[64];
        var length = Format(value, text);
        var span = output.GetSpan(length);
        for (var i = 0; i < length; i++)
        {
            span[i] = (byte)text[i];
        }

        output.Advance(length);
    }

    /// <summary>Renders <paramref name="value"/> into <paramref name="destination"/> and returns the length.</summary>
    internal static int Format(double value, Span<char> destination)
    {
        Span<char> shortest = stackalloc char[32];
        value.TryFormat(shortest, out var written, "R", CultureInfo.InvariantCulture);
        Span<char> digits = stackalloc char[32];
        var (negative, count, point) = Decompose(shortest[..written], digits);

        var length = 0;
        if (negative)
        {
            destination[length++] = '-';
        }

        if (count == 0)
        {
            "0.0".CopyTo(destination[length..]);
            return length + 3;
        }

        var exponent = point - 1;
        if (exponent is < -4 or >= 6)
        {
            destination[length++] = digits[0];
            if (count > 1)
            {
                destination[length++] = '.';
                digits[1..count].CopyTo(destination[length..]);
                length += count - 1;
            }

            destination[length++] = 'e';
            destination[length++] = exponent < 0 ? '-' : '+';
            var magnitude = Math.Abs(exponent);
            if (magnitude < 10)
            {
                destination[length++] = '0';
            }

            magnitude.TryFormat(destination[length..], out var exponentLength, default, CultureInfo.InvariantCulture);
            return length + exponentLength;
        }

        if (point <= 0)
        {
            destination[length++] = '0';
        }

        for (var i = 0; i < point; i++)
        {
            destination[length++] = i < count ? digits[i] : '0';
        }

        if (count > point)
        {
            destination[length++] = '.';
            for (var i = point; i < count; i++)
            {
                destination[length++] = i < 0 ? '0' : digits[i];
            }
        }
        else
        {
            destination[length++] = '.';
            destination[length++] = '0';
        }

        return length;
    }

    // The significant digits of a round-trip rendering (fixed or E notation), without leading or trailing zeros, and
    // where the decimal point goes: 0.005 is ("5", point -2), 2500 is ("25", point 4).
    private static (bool Negative, int Count, int Point) Decompose(ReadOnlySpan<char> text, Span<char> digits)
    {
        var negative = text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        var e = text.IndexOfAny('E', 'e');
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var dot = mantissa.IndexOf('.');
        var integerDigits = dot < 0 ? mantissa.Length : dot;
        var count = 0;
        var point = integerDigits + exponent;
        foreach (var c in mantissa)
        {
            if (c == '.')
            {
                continue;
            }

            if (count == 0 && c == '0')
            {
                point--;
                continue;
            }

            digits[count++] = c;
        }

        while (count > 0 && digits[count - 1] == '0')
        {
            count--;
        }

        return (negative, count, point);
    }
}
