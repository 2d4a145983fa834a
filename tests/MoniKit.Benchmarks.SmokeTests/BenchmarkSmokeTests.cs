using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace MoniKit.Benchmarks.SmokeTests;

/// <summary>
/// Runs every benchmark once, in this process, after its <c>[GlobalSetup]</c>, so the benchmarks keep compiling and
/// running. Timings are BenchmarkDotNet's business: nothing here is timed.
/// </summary>
[TestClass]
public sealed class BenchmarkSmokeTests
{
    public static IEnumerable<object[]> BenchmarkMethods =>
        typeof(Program).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .Select(method => new object[] { method.DeclaringType!.Name, method.Name });

    [TestMethod]
    public void BenchmarkClasses_Discovered_CoverEveryArea()
    {
        var classes = BenchmarkMethods.Select(row => (string)row[0]).Distinct().Order().ToArray();

        CollectionAssert.AreEqual(
            new[] { "ExemplarBenchmarks", "LogEventBenchmarks", "LogWriterBenchmarks", "PrometheusBenchmarks", "RequestPipelineBenchmarks", "SlackAlertBenchmarks", "TracingBenchmarks" }, classes);
    }

    [TestMethod]
    [DynamicData(nameof(BenchmarkMethods))]
    public async Task Benchmark_RunOnce_ReturnsAResult(string className, string methodName)
    {
        var type = typeof(Program).Assembly.GetTypes().Single(t => t.Name == className);
        var instance = Activator.CreateInstance(type)!;
        Invoke(type, instance, typeof(GlobalSetupAttribute));
        try
        {
            var result = type.GetMethod(methodName)!.Invoke(instance, null);
            if (result is Task<int> task)
            {
                result = await task;
            }

            Assert.IsInstanceOfType<int>(result);
            if (className != nameof(SlackAlertBenchmarks))
            {
                Assert.IsGreaterThan(0, (int)result, $"{className}.{methodName} produced nothing");
            }
        }
        finally
        {
            Invoke(type, instance, typeof(GlobalCleanupAttribute));
        }
    }

    [TestMethod]
    public void LogEventBenchmarks_MoniKitAndPlainLayouts_WriteTheSameFields()
    {
        using var benchmarks = new LogEventBenchmarks();
        benchmarks.Setup();

        benchmarks.MoniKitLayout();
        var moniKit = FieldNames(benchmarks.LastLine);
        benchmarks.PlainJsonLayout();
        var plain = FieldNames(benchmarks.LastLine);

        CollectionAssert.AreEquivalent(moniKit, plain, $"MoniKit: {string.Join(",", moniKit)}; plain: {string.Join(",", plain)}");
        CollectionAssert.Contains(moniKit, "http.route");
    }

    [TestMethod]
    public void LogEventBenchmarks_MicrosoftJsonConsole_WritesOneJsonObject()
    {
        using var benchmarks = new LogEventBenchmarks();
        benchmarks.Setup();

        benchmarks.MicrosoftJsonConsole();

        using var document = JsonDocument.Parse(benchmarks.LastLine);
        Assert.AreEqual("/orders/42", document.RootElement.GetProperty("State").GetProperty("url.path").GetString());
    }

    [TestMethod]
    [DataRow(1_000)]
    [DataRow(10_000)]
    public void PrometheusBenchmarks_Scrape_WritesEverySeries(int series)
    {
        using var benchmarks = new PrometheusBenchmarks { Series = series };
        benchmarks.Setup();

        var lines = benchmarks.ScrapeText().Split('\n').Count(line => line.StartsWith("monikit_bench_requests_total{", StringComparison.Ordinal));

        Assert.AreEqual(series, lines);
    }

    [TestMethod]
    public void ExemplarBenchmarks_SampledHistograms_EveryBucketCarriesAnExemplar()
    {
        using var benchmarks = new ExemplarBenchmarks { Exemplars = true, Sampled = true };
        benchmarks.Setup();

        var buckets = benchmarks.OpenMetricsText().Split('\n').Where(line => line.StartsWith("monikit_bench_request_duration_seconds_bucket{", StringComparison.Ordinal)).ToList();

        Assert.AreEqual(500 * 15, buckets.Count);
        Assert.IsTrue(buckets.All(line => line.Contains(" # {trace_id=", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task RequestPipelineBenchmarks_MoniKit_LogsTheRequestToTheFile()
    {
        var benchmarks = new RequestPipelineBenchmarks();
        benchmarks.Setup();
        try
        {
            // 200 OK with {"id":42,"status":"shipped"} (28 bytes) from both hosts.
            Assert.AreEqual(200_000 + 28, await benchmarks.Bare());
            Assert.AreEqual(200_000 + 28, await benchmarks.MoniKit());

            var file = Path.Combine(benchmarks.LogDirectory, "orders.json");
            string[] lines = [];
            for (var i = 0; i < 100 && !lines.Any(l => l.Contains("\"http.inbound\"", StringComparison.Ordinal)); i++)
            {
                await Task.Delay(50);
                lines = File.Exists(file) ? ReadShared(file) : [];
            }

            Assert.IsTrue(lines.Any(l => l.Contains("\"http.inbound\"", StringComparison.Ordinal)), $"no http.inbound line in {file}");
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    [TestMethod]
    public void SlackAlertBenchmarks_ErrorWithSlackAlert_QueuesOneAlert()
    {
        using var benchmarks = new SlackAlertBenchmarks();
        benchmarks.Setup();

        benchmarks.ErrorWithSlackAlert();
        benchmarks.ErrorWithSlackAlert();

        Assert.AreEqual(2, benchmarks.Dequeued);
    }

    private static void Invoke(Type type, object instance, Type attribute)
    {
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute(attribute) is not null))
        {
            method.Invoke(instance, null);
        }
    }

    private static string[] FieldNames(string line)
    {
        using var document = JsonDocument.Parse(line);
        return [.. document.RootElement.EnumerateObject().Select(p => p.Name).Order()];
    }

    private static string[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }
}
