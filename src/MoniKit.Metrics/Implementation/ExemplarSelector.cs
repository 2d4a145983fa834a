using System.Buffers;
using System.Diagnostics;
using OpenTelemetry.Metrics;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// Picks the exemplars of one point for OpenMetrics, as the OpenTelemetry specification says for pull endpoints: per
/// histogram bucket the largest exemplar within it, or else the one of the nearest lower bucket; per counter the most
/// recent one. Writes them as <c> # {trace_id="...",span_id="..."} value timestamp</c>.
/// </summary>
internal sealed class ExemplarSelector
{
    private readonly List<Candidate> candidates = [];
    private int carried;

    /// <summary>Reads the point's exemplars, or none; call before the first bucket of each point.</summary>
    /// <param name="point">The point.</param>
    /// <param name="longValues">Whether the metric sums integers; histograms record their exemplars as doubles.</param>
    public void Load(in MetricPoint point, bool longValues)
    {
        candidates.Clear();
        carried = -1;
        if (!point.TryGetExemplars(out var exemplars))
        {
            return;
        }

        foreach (ref readonly var exemplar in exemplars)
        {
            // Both values share one storage: only the field of the metric's type is meaningful.
            var value = longValues ? exemplar.LongValue : exemplar.DoubleValue;
            candidates.Add(new Candidate(value, exemplar.Timestamp, exemplar.TraceId, exemplar.SpanId));
        }
    }

    /// <summary>Writes the exemplar of the bucket <c>(lower, upper]</c>, buckets being asked for in increasing order.</summary>
    public void WriteBucket(ArrayBufferWriter<byte> output, double lower, double upper)
    {
        var best = -1;
        for (var i = 0; i < candidates.Count; i++)
        {
            var value = candidates[i].Value;
            if (value > lower && value <= upper && (best < 0 || value > candidates[best].Value))
            {
                best = i;
            }
        }

        carried = best >= 0 ? best : carried;
        if (carried >= 0)
        {
            Write(output, candidates[carried]);
        }
    }

    /// <summary>Writes the most recent exemplar, for a counter's sample.</summary>
    public void WriteLatest(ArrayBufferWriter<byte> output)
    {
        var latest = -1;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (latest < 0 || candidates[i].Timestamp >= candidates[latest].Timestamp)
            {
                latest = i;
            }
        }

        if (latest >= 0)
        {
            Write(output, candidates[latest]);
        }
    }

    private static void Write(ArrayBufferWriter<byte> output, in Candidate candidate)
    {
        output.Write(" # {"u8);
        if (candidate.TraceId != default)
        {
            // The ids keep their hex text, so this allocates nothing.
            output.Write("trace_id=\""u8);
            WriteAscii(output, candidate.TraceId.ToHexString());
            output.Write("\",span_id=\""u8);
            WriteAscii(output, candidate.SpanId.ToHexString());
            output.Write("\""u8);
        }

        output.Write("} "u8);
        output.WriteDouble(candidate.Value);
        output.Write(" "u8);
        var milliseconds = candidate.Timestamp.ToUnixTimeMilliseconds();
        output.WriteLong(milliseconds / 1000);
        output.Write("."u8);
        var fraction = output.GetSpan(3);
        var rest = (int)(milliseconds % 1000);
        fraction[0] = (byte)('0' + (rest / 100));
        fraction[1] = (byte)('0' + (rest / 10 % 10));
        fraction[2] = (byte)('0' + (rest % 10));
        output.Advance(3);
    }

    private static void WriteAscii(ArrayBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        var span = output.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }

        output.Advance(text.Length);
    }

    private readonly record struct Candidate(double Value, DateTimeOffset Timestamp, ActivityTraceId TraceId, ActivitySpanId SpanId);
}
