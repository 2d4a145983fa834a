using BenchmarkDotNet.Running;

namespace MoniKit.Benchmarks;

/// <summary>
/// Runs the benchmarks with BenchmarkDotNet's command line (<c>--filter</c>, <c>--job</c>, ...). <c>--smoke</c> runs
/// every benchmark once (BenchmarkDotNet's dry job), to check that they still run; its timings mean nothing.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Contains("--smoke"))
        {
            args = [.. args.Where(a => a != "--smoke"), "--job", "dry"];
            if (!args.Contains("--filter"))
            {
                args = [.. args, "--filter", "*"];
            }
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
