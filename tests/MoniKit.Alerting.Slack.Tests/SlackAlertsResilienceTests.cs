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
}
