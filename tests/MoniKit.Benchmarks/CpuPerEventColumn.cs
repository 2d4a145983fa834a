using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace MoniKit.Benchmarks;

/// <summary>
/// The process's CPU time per event over a whole benchmark case (warm-up included), as the case recorded it in its
/// cleanup. It needs the in-process toolchain, where the case and the summary share this process.
/// </summary>
public sealed class CpuPerEventColumn : IColumn
{
    private static readonly ConcurrentDictionary<string, double> Microseconds = new(StringComparer.Ordinal);

    public string Id => nameof(CpuPerEventColumn);

    public string ColumnName => "CPU/event";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Process CPU time (all threads) per event logged, in microseconds";

    /// <summary>Records a case's CPU time over the events its benchmark method logged.</summary>
    public static void Record(string benchmark, TimeSpan cpu, long events)
    {
        if (events > 0)
        {
            Microseconds[benchmark] = cpu.TotalMicroseconds / events;
        }
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        Microseconds.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out var value)
            ? value.ToString("0.00", CultureInfo.InvariantCulture) + " µs"
            : "-";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
