using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// Groups one collection's metrics into Prometheus metric families: every stream that maps to one family name is
/// written under one header, in first-seen order. A family fed by more than one meter gets the meter on each point
/// (<c>otel_scope_name</c>, <c>otel_scope_version</c>), so equal label sets from two meters stay two series.
/// </summary>
internal sealed class MetricFamilies
{
    private readonly Dictionary<Metric, PrometheusMetricInfo> infos = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<PrometheusMetricInfo> families = [];
    private readonly List<List<Metric>> members = [];
    private readonly List<bool> scoped = [];

    public int Count => families.Count;

    public PrometheusMetricInfo Info(int family) => families[family];

    public List<Metric> Metrics(int family) => members[family];

    /// <summary>Whether the family's points carry their meter as labels.</summary>
    public bool Scoped(int family) => scoped[family];

    public void Build(in Batch<Metric> batch)
    {
        index.Clear();
        families.Clear();
        scoped.Clear();
        foreach (var list in members)
        {
            list.Clear();
        }

        foreach (var metric in batch)
        {
            if (!infos.TryGetValue(metric, out var info))
            {
                info = PrometheusMetricInfo.Create(metric);
                infos[metric] = info;
            }

            if (info.Type == PrometheusMetricType.Unsupported || !HasPoints(metric))
            {
                continue;
            }

            if (index.TryGetValue(info.FamilyName, out var family))
            {
                // Two instruments of different kinds under one name would make an invalid exposition; the first wins.
                if (families[family].Type == info.Type)
                {
                    scoped[family] |= !SameScope(members[family][0], metric);
                    members[family].Add(metric);
                }

                continue;
            }

            index[info.FamilyName] = families.Count;
            families.Add(info);
            scoped.Add(false);
            if (members.Count < families.Count)
            {
                members.Add([]);
            }

            members[families.Count - 1].Add(metric);
        }
    }

    private static bool SameScope(Metric first, Metric other) =>
        first.MeterName == other.MeterName && (first.MeterVersion ?? string.Empty) == (other.MeterVersion ?? string.Empty);

    private static bool HasPoints(Metric metric)
    {
        var enumerator = metric.GetMetricPoints().GetEnumerator();
        return enumerator.MoveNext();
    }
}
