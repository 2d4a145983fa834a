using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MoniKit.Alerting.Slack.Tests;

[TestClass]
public sealed partial class SlackAlertsResilienceTests
{
    private const int RequestsPerPhase = 300;
    private static readonly TimeSpan SlackTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(25);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task HangingSlack_EveryRequestThatLogsAnErrorSucceedsWithoutWaitingForSlack()
    {
        await using var sink = new SlackSink();
        var settings = SlackAlertsDeliveryTests.Webhook(sink);
        settings["MoniKit:Slack:HttpTimeout"] = SlackTimeout.ToString();
        await using var service = await TestService.StartAsync(settings);
        await Measure(service, 0, 200, TimeSpan.Zero);

        // Paced so that the hanging phase outlasts the Slack timeout: a timeout and a retry happen while it runs.
        var healthy = await Measure(service, 1000, RequestsPerPhase, Pace);
        sink.Behavior = SlackSinkBehavior.Hang;
        var hanging = await Measure(service, 2000, RequestsPerPhase, Pace);
        await service.StopAsync();

        var ratio = Percentile(hanging, 0.99) / Percentile(healthy, 0.99);
        TestContext.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p99 healthy {Percentile(healthy, 0.99):0.00} ms, hanging {Percentile(hanging, 0.99):0.00} ms, ratio {ratio:0.00}; max hanging {hanging.Max():0.00} ms; sink requests {sink.Requests.Count}, hanging {sink.Requests.Count(r => r.Answer == SlackSinkBehavior.Hang)}"));
        Assert.IsGreaterThanOrEqualTo(2, sink.Requests.Count(r => r.Answer == SlackSinkBehavior.Hang), "Slack was not timed out and retried while hanging");
        Assert.IsLessThan(SlackTimeout.TotalMilliseconds / 5, hanging.Max(), "a request waited for Slack");
        var errors = service.ReadLogs().Split('\n').Count(line => line.Contains("\"log.level\":\"error\"", StringComparison.Ordinal) && HangingPhaseRegex().IsMatch(line));
        Assert.AreEqual(RequestsPerPhase * 2, errors, "every error must be in the log files (main and error file)");
    }

    [TestMethod]
    public async Task Storm_10000ErrorsIn10Seconds_AtMostAbout20MessagesAccountingForAll()
    {
        await using var sink = new SlackSink();
        var settings = SlackAlertsDeliveryTests.Webhook(sink);
        settings["MoniKit:Slack:GroupWindow"] = "00:00:04";
        await using var service = await TestService.StartAsync(settings);
        var loggers = Enumerable.Range(0, 4).Select(i => service.Logger($"Orders.Worker{i}")).ToArray();
        var exception = new TimeoutException("database timeout");
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 10_000; i++)
        {
            loggers[i % 4].LogError(exception, "Order {OrderId} could not be saved", i);
            if (i % 100 == 99)
            {
                var due = TimeSpan.FromMilliseconds((i + 1) * 1.0);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }
            }
        }

        var stormSeconds = clock.Elapsed.TotalSeconds;
        var requests = await sink.WaitForAsync(r => r.Sum(Count) >= 10_000, TimeSpan.FromSeconds(60));
        var accounted = requests.Sum(Count);
        var arrivals = requests.Select(r => r.ArrivedAt).ToArray();
        var minGap = arrivals.Zip(arrivals.Skip(1), (a, b) => (b - a).TotalSeconds).DefaultIfEmpty(double.NaN).Min();
        TestContext.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"storm of 10000 errors over {stormSeconds:0.0} s: {requests.Count} Slack messages accounting for {accounted}, smallest gap {minGap:0.000} s, last after {(arrivals[^1] - arrivals[0]).TotalSeconds:0.0} s"));
        foreach (var request in requests)
        {
            TestContext.WriteLine($"{request.ArrivedAt:HH:mm:ss.fff} {request.Text}");
        }

        Assert.AreEqual(10_000, accounted);
        Assert.IsLessThanOrEqualTo(20, requests.Count);
        Assert.IsGreaterThanOrEqualTo(0.9, minGap, "more than one message per second");
    }

    private static long Count(SlackSinkRequest request)
    {
        var text = request.Text;
        if (MoreRegex().Match(text) is { Success: true } more)
        {
            return long.Parse(more.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        return UndeliveredRegex().Match(text) is { Success: true } lost ? long.Parse(lost.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
    }

    private static async Task<double[]> Measure(TestService service, int first, int count, TimeSpan pace)
    {
        var latencies = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await service.Client.GetAsync($"/fail/{first + i}");
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            Assert.IsTrue(response.IsSuccessStatusCode, $"request {first + i} failed with {(int)response.StatusCode}");
            if (pace > TimeSpan.Zero)
            {
                await Task.Delay(pace);
            }
        }

        return latencies;
    }

    private static double Percentile(double[] values, double percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile * sorted.Length) - 1)];
    }

    [GeneratedRegex("\"message\":\"Order 2\\d{3} failed\"")]
    private static partial Regex HangingPhaseRegex();

    [GeneratedRegex(@"^\*\+(\d+) more in the last")]
    private static partial Regex MoreRegex();

    [GeneratedRegex(@"^\*(\d+) alert events not delivered\*")]
    private static partial Regex UndeliveredRegex();
}
