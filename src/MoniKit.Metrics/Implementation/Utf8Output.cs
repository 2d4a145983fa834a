using System.Buffers;
using System.Globalization;
using System.Text;

namespace MoniKit.Metrics.Implementation;

/// <summary>Appends text to a byte buffer as UTF-8 without allocating per value.</summary>
internal static class Utf8Output
{
    private static readonly SearchValues<char> LabelEscapes = SearchValues.Create("\\\"\n");

    public static void Write(this ArrayBufferWriter<byte> output, ReadOnlySpan<byte> bytes) => output.Write<byte>(bytes);

    public static void WriteLong(this ArrayBufferWriter<byte> output, long value)
    {
        var span = output.GetSpan(24);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    /// <summary>Writes a sample value the way Prometheus parses it: <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>, or the shortest round-trip form.</summary>
    public static void WriteDouble(this ArrayBufferWriter<byte> output, double value)
    {
        if (double.IsNaN(value))
        {
            output.Write("NaN"u8);
        }
        else if (double.IsPositiveInfinity(value))
        {
            output.Write("+Inf"u8);
        }
        else if (double.IsNegativeInfinity(value))
        {
            output.Write("-Inf"u8);
        }
        else
        {
            var span = output.GetSpan(32);
            value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
            output.Advance(written);
        }
    }

    /// <summary>Writes text escaping backslash, double quote and line feed, as label values and OpenMetrics help need.</summary>
    public static void WriteEscaped(this ArrayBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        while (true)
        {
            var index = text.IndexOfAny(LabelEscapes);
            var run = index < 0 ? text : text[..index];
            if (!run.IsEmpty)
            {
                var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(run.Length));
                output.Advance(Encoding.UTF8.GetBytes(run, span));
            }

            if (index < 0)
            {
                return;
            }

            output.Write(text[index] switch
            {
                '\\' => "\\\\"u8,
                '"' => "\\\""u8,
                _ => "\\n"u8,
            });
            text = text[(index + 1)..];
        }
    }
}
