using System.Buffers;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// Renders a point's attributes (and, where a family needs them, its scope) as a Prometheus label set, once per point,
/// into <see cref="Labels"/>. Attribute keys that sanitise to the same label name become one label whose values are
/// joined with <c>;</c> in the order of the original keys, as the OpenTelemetry specification requires. Not
/// thread-safe: the collector serialises scrapes.
/// </summary>
internal sealed class PrometheusLabelWriter
{
    internal const string OverflowAttribute = "otel.metric.overflow";
    internal const string ScopeNameLabel = "otel_scope_name";
    internal const string ScopeVersionLabel = "otel_scope_version";

    private readonly LabelNameTable names = new();
    private Entry[] entries = new Entry[16];
    private int count;
    private bool overflow;

    /// <summary>The rendered label set, without braces: <c>a="x",b="y"</c>.</summary>
    public ArrayBufferWriter<byte> Labels { get; } = new(1024);

    /// <summary>Renders the label set and returns whether the point is the SDK's overflow series.</summary>
    /// <param name="tags">The point's attributes.</param>
    /// <param name="histogram">Whether the point is a histogram's, whose own <c>le</c> label an attribute must not take.</param>
    /// <param name="scope">The metric whose meter is added as <c>otel_scope_name</c> and <c>otel_scope_version</c>, or <see langword="null"/>.</param>
    public bool Render(ReadOnlyTagCollection tags, bool histogram, Metric? scope)
    {
        Begin();
        foreach (var tag in tags)
        {
            AddAttribute(tag.Key, tag.Value, histogram);
        }

        if (scope is not null)
        {
            AddScope(scope.MeterName, scope.MeterVersion);
        }

        return Finish();
    }

    /// <summary>Starts a label set; then <see cref="AddAttribute"/>, <see cref="AddScope"/> and <see cref="Finish"/>.</summary>
    internal void Begin()
    {
        count = 0;
        overflow = false;
    }

    internal void AddAttribute(string key, object? value, bool histogram)
    {
        overflow |= key == OverflowAttribute;
        Add(key, names.Of(key, histogram), value);
    }

    internal void AddScope(string name, string? version)
    {
        Add(ScopeNameLabel, names.Of(ScopeNameLabel, histogram: false), name);
        if (!string.IsNullOrEmpty(version))
        {
            Add(ScopeVersionLabel, names.Of(ScopeVersionLabel, histogram: false), version);
        }
    }

    /// <summary>Renders the labels added since <see cref="Begin"/> and returns whether one was the overflow attribute.</summary>
    internal bool Finish()
    {
        Labels.ResetWrittenCount();
        if (HasSharedName())
        {
            WriteMerged();
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                WriteLabel(entries[i].Name, i, 1);
            }
        }

        Array.Clear(entries, 0, count);
        return overflow;
    }

    private void Add(string key, byte[] name, object? value)
    {
        if (count == entries.Length)
        {
            Array.Resize(ref entries, count * 2);
        }

        entries[count++] = new Entry(key, name, value);
    }

    private bool HasSharedName()
    {
        for (var i = 1; i < count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (ReferenceEquals(entries[i].Name, entries[j].Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Gathers each shared name's entries next to its first one, ordered by original key, then writes one label each.
    private void WriteMerged()
    {
        var start = 0;
        while (start < count)
        {
            var name = entries[start].Name;
            var end = start + 1;
            for (var i = end; i < count; i++)
            {
                if (ReferenceEquals(entries[i].Name, name))
                {
                    // Shifted rather than swapped, so the other labels keep their order.
                    var entry = entries[i];
                    Array.Copy(entries, end, entries, end + 1, i - end);
                    entries[end++] = entry;
                }
            }

            Array.Sort(entries, start, end - start, EntryKeyComparer.Instance);
            WriteLabel(name, start, end - start);
            start = end;
        }
    }

    private void WriteLabel(byte[] name, int first, int values)
    {
        if (Labels.WrittenCount > 0)
        {
            Labels.Write(","u8);
        }

        Labels.Write(name);
        Labels.Write("=\""u8);
        for (var i = first; i < first + values; i++)
        {
            if (i > first)
            {
                Labels.Write(";"u8);
            }

            AttributeValueText.Write(Labels, entries[i].Value);
        }

        Labels.Write("\""u8);
    }

    private readonly record struct Entry(string Key, byte[] Name, object? Value);

    private sealed class EntryKeyComparer : IComparer<Entry>
    {
        public static readonly EntryKeyComparer Instance = new();

        public int Compare(Entry x, Entry y) => string.CompareOrdinal(x.Key, y.Key);
    }
}
