using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoniKit.Logging.Implementation;

namespace MoniKit.Benchmarks;

/// <summary>
/// MoniKit's log writer behind a real host (Production settings, console off, the log file and error file on), through
/// the public API only, so that the same file measures any version of the writer: a burst from two threads until it is
/// on disk, a paced stream (about ten events a millisecond, the rate of a busy service) whose cost is the CPU column,
/// and the time one event takes to reach the file when the writer is idle (<c>IdleLatency</c> minus <c>IdlePause</c>). The CPU column is the process's CPU time
/// (every thread: the callers, the writer and its destinations) per event logged.
/// </summary>
[Config(typeof(LogWriterBenchmarkConfig))]
public class LogWriterBenchmarks : IDisposable
{
    private const int BurstEvents = 10_000;
    private const int PacedEvents = 1_000;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "monikit-benchmarks", Guid.NewGuid().ToString("N"));
    private IHost _host = null!;
    private ILogger _logger = null!;
    private MoniKitLogFactory _logFactory = null!;
    private string _file = null!;
    private TimeSpan _cpuAtStart;
    private string? _benchmark;
    private long _events;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_directory);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "Orders",
            EnvironmentName = "Production",
            ContentRootPath = _directory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MoniKit:ServiceVersion"] = "1.0.0",
            ["MoniKit:Logging:Console"] = "None",
            ["MoniKit:Logging:ArchiveAboveSizeMb"] = "1024",
            ["Logging:LogLevel:Default"] = "Information",
        });
        builder.AddMoniKitLogging();
        _host = builder.Build();
        _host.StartAsync().GetAwaiter().GetResult();
        _logger = _host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orders.Api");
        _logFactory = _host.Services.GetRequiredService<MoniKitLogFactory>();
        _file = Path.Combine(_directory, "logs", "orders.json");
        _logger.LogInformation("started");
        _logFactory.Flush();
        _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        _events = 0;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;
        if (_benchmark is not null)
        {
            CpuPerEventColumn.Record(_benchmark, cpu, _events);
        }

        Dispose();
    }

    /// <summary>Two threads log 5,000 events each; returns once all of them are on disk.</summary>
    [Benchmark]
    public int Burst()
    {
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, thread =>
        {
            for (var i = 0; i < BurstEvents / 2; i++)
            {
                _logger.LogInformation("Order {OrderId} created by {Thread}", i, thread);
            }
        });
        _logFactory.Flush();
        return Count(nameof(Burst), BurstEvents);
    }

    /// <summary>1,000 events, ten at a time with a 1 ms pause between: the wall time is fixed, the CPU column is the cost.</summary>
    [Benchmark]
    public int Paced()
    {
        for (var i = 0; i < PacedEvents; i++)
        {
            _logger.LogInformation("Order {OrderId} created", i);
            if (i % 10 == 9)
            {
                Thread.Sleep(1);
            }
        }

        return Count(nameof(Paced), PacedEvents);
    }

    /// <summary>The pause that lets the writer fall idle before <see cref="IdleLatency"/>: subtract it from that time.</summary>
    [Benchmark]
    public int IdlePause()
    {
        Thread.Sleep(5);
        return 1;
    }

    /// <summary>A pause like <see cref="IdlePause"/>, then one event logged, until its line is in the file.</summary>
    [Benchmark]
    public int IdleLatency()
    {
        Thread.Sleep(5);
        var before = new FileInfo(_file).Length;
        _logger.LogInformation("Order {OrderId} created", 42);
        var spin = default(SpinWait);
        while (new FileInfo(_file).Length == before)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        return Count(nameof(IdleLatency), 1);
    }

    public void Dispose()
    {
        if (_host is not null)
        {
            _host.StopAsync().GetAwaiter().GetResult();
            _host.Dispose();
            _host = null!;
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }

    private int Count(string benchmark, int events)
    {
        _benchmark = benchmark;
        _events += events;
        return events;
    }
}
