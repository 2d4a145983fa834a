using System.Text;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// The encoded label name of each attribute key, computed once. Keys that sanitise to the same name share one array,
/// so a label set finds them by reference.
/// </summary>
internal sealed class LabelNameTable
{
    private readonly Dictionary<string, byte[]> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> byName = new(StringComparer.Ordinal);
    private readonly byte[] le;
    private readonly byte[] keyLe;

    public LabelNameTable()
    {
        le = Intern("le");
        keyLe = Intern("key_le");
    }

    /// <summary>The label name of <paramref name="key"/>; on a histogram an attribute named like its bucket label <c>le</c> becomes <c>key_le</c>.</summary>
    public byte[] Of(string key, bool histogram)
    {
        if (!byKey.TryGetValue(key, out var name))
        {
            name = Intern(PrometheusNames.LabelName(key));
            byKey[key] = name;
        }

        return histogram && ReferenceEquals(name, le) ? keyLe : name;
    }

    private byte[] Intern(string labelName)
    {
        if (!byName.TryGetValue(labelName, out var bytes))
        {
            bytes = Encoding.UTF8.GetBytes(labelName);
            byName[labelName] = bytes;
        }

        return bytes;
    }
}
