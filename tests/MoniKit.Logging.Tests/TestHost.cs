using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace MoniKit.Logging.Tests;

/// <summary>Builds real hosts that write real files into a fresh temporary folder.</summary>
internal sealed class TestHost : IDisposable
{
    public TestHost()
    {
        ContentRoot = Path.Combine(Path.GetTempPath(), "monikit-logging-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(ContentRoot);
    }

    public string ContentRoot { get; }

    public string LogDirectory => Path.Combine(ContentRoot, "logs");

    public string LogFile => Path.Combine(LogDirectory, "orders.json");

    public string ErrorFile => Path.Combine(LogDirectory, "orders.error.json");

    public HostApplicationBuilder CreateBuilder(IDictionary<string, string?>? settings = null, string environment = "Production")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "Orders",
            EnvironmentName = environment,
            ContentRootPath = ContentRoot,
            DisableDefaults = false,
        });
        var all = new Dictionary<string, string?>
        {
            ["MoniKit:ServiceVersion"] = "1.2.3",
            ["MoniKit:Logging:Console"] = "None",
            ["Logging:LogLevel:Default"] = "Trace",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(all);
        return builder;
    }

    /// <summary>Runs <paramref name="run"/> with standard output redirected; returns the lines written to it.</summary>
    public static async Task<string[]> CaptureConsoleAsync(Func<Task> run)
    {
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            await run();
        }
        finally
        {
            Console.SetOut(original);
        }

        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// Listens to one of the <c>MoniKit.Logging</c> counters; <paramref name="values"/> gets its latest value per value
    /// of its one tag at each <see cref="MeterListener.RecordObservableInstruments"/>.
    /// </summary>
    public static MeterListener ListenTo(string instrumentName, Dictionary<string, long> values)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "MoniKit.Logging" && instrument.Name == instrumentName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => values[(string)tags[0].Value!] = value);
        listener.Start();
        return listener;
    }

    public static string[] ReadLines(string path) =>
        File.Exists(path) ? File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platforms must not fail the test; the folder is in the temp directory.
        }
    }
}
