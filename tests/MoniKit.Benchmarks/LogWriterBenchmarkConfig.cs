using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace MoniKit.Benchmarks;

/// <summary>In process, so that <see cref="CpuPerEventColumn"/> can read what each case measured.</summary>
public sealed class LogWriterBenchmarkConfig : ManualConfig
{
    public LogWriterBenchmarkConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
        AddColumn(new CpuPerEventColumn());
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
