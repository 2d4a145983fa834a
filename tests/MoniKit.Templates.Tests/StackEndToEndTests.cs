using System.Diagnostics;
using MoniKit.Templates.Tests.Stack;

namespace MoniKit.Templates.Tests;

/// <summary>
/// The monitoring stack's promise, tried for real: a generated webapi watched by Debian's Prometheus and Alertmanager
/// running the stack's own rules and Alertmanager config, with only the addresses pointed at loopback and Slack
/// replaced by a local sink. A dead service and a burst of 5xx must each reach the sink within 30 s.
/// </summary>
[TestClass]
public sealed class StackEndToEndTests
{
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(30);

    // Waiting longer than the promise lets a slow run report how slow it was instead of only "not in time".
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(75);

    // Longer than every critical alert's `for` (1 minute at most) once its expression would hold.
    private static readonly TimeSpan ObservedQuietFor = TimeSpan.FromSeconds(65);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Stack_ServiceKilled_TargetDownReachesSlackWithin30Seconds()
    {
        var project = await StackTestProject.GetAsync();
        await using var service = await project.StartAsync();
        await using var stack = await AlertingStack.StartAsync(project, service);

        var killed = Stopwatch.GetTimestamp();
        service.Kill();
        var message = await stack.Sink.WaitForFirstAsync(m => m.IsFiring("TargetDown"), Patience);

        Assert.IsNotNull(message, $"No TargetDown message reached the Slack sink within {Patience.TotalSeconds} s of the kill.\n{stack.Diagnostics}");
        var detection = message.Since(killed);
        TestContext.WriteLine($"TargetDown reached the Slack sink {detection.TotalSeconds:F1} s after the service was killed.");
        Assert.AreEqual($"[FIRING:1] TargetDown · {stack.Config.ServiceName}", message.Titles[0], message.Body);
        StringAssert.Contains(message.Body, $"{stack.Config.ServiceName} is down", message.Body);
        StringAssert.Contains(message.Body, "monitoring-stack.md#targetdown", message.Body);
        Assert.IsLessThan(Promised, detection, $"TargetDown took {detection.TotalSeconds:F1} s to reach Slack.\n{stack.Diagnostics}");
    }

    [TestMethod]
    public async Task Stack_BurstOf5xx_HighErrorRatioReachesSlackWithin30Seconds()
    {
        var project = await StackTestProject.GetAsync();
        await using var service = await project.StartAsync();
        await using var stack = await AlertingStack.StartAsync(project, service);
        var requests = $"http_server_request_duration_seconds_count{{service=\"{stack.Config.ServiceName}\"}}";

        // Healthy traffic first, seen by Prometheus, so the burst hits a service with a history, as in production.
        await using var healthy = BackgroundTraffic.Start(service.Client, TimeSpan.FromMilliseconds(200), "/orders/1");
        var seen = await stack.Prometheus.QueryUntilAsync($"sum({requests})", r => r.Sum > 0, TimeSpan.FromSeconds(30));
        Assert.IsTrue(seen.Sum > 0, $"Prometheus saw no request: {seen}\n{stack.Diagnostics}");

        SlackSinkRequest? message;
        long firstFailure;
        await using (var failing = BackgroundTraffic.Start(service.Client, TimeSpan.FromMilliseconds(100), "/demo/failure"))
        {
            message = await stack.Sink.WaitForFirstAsync(m => m.IsFiring("HighErrorRatio"), Patience);
            Assert.IsNotNull(failing.FirstSeen(500), "/demo/failure never answered 500");
            firstFailure = failing.FirstSeen(500)!.Value;
            TestContext.WriteLine($"The service answered {failing.Count(500)} requests with 500 and {healthy.Count(200)} with 200.");
        }

        Assert.IsNotNull(message, $"No HighErrorRatio message reached the Slack sink within {Patience.TotalSeconds} s of the first 500.\n{stack.Diagnostics}");
        var detection = message.Since(firstFailure);
        TestContext.WriteLine($"HighErrorRatio reached the Slack sink {detection.TotalSeconds:F1} s after the first 500.");
        Assert.AreEqual($"[FIRING:1] HighErrorRatio · {stack.Config.ServiceName}", message.Titles[0], message.Body);
        StringAssert.Contains(message.Body, "monitoring-stack.md#higherrorratio", message.Body);

        // The service kept serving: the error ratio, not a dead target, raised the alert.
        using var ping = await service.Client.GetAsync("/ping");
        Assert.IsTrue(ping.IsSuccessStatusCode, "the service stopped answering during the burst");
        Assert.IsFalse(stack.Sink.Requests.Any(m => m.IsFiring("TargetDown")), $"TargetDown fired for a live service.\n{stack.Diagnostics}");
        Assert.IsLessThan(Promised, detection, $"HighErrorRatio took {detection.TotalSeconds:F1} s to reach Slack.\n{stack.Diagnostics}");
    }

    [TestMethod]
    public async Task Stack_OneFailedRequestInTotal_NoCriticalAlertOnlyTheLowTrafficWarning()
    {
        var project = await StackTestProject.GetAsync();
        await using var service = await project.StartAsync();
        await using var stack = await AlertingStack.StartAsync(project, service, c => c.EvaluateRulesEvery(TimeSpan.FromSeconds(1)));
        var failures = $"sum(http_server_request_duration_seconds_count{{service=\"{stack.Config.ServiceName}\", http_response_status_code=\"500\"}})";

        using (var failure = await service.Client.GetAsync("/demo/failure"))
        {
            Assert.AreEqual(500, (int)failure.StatusCode, "the one request fails");
        }

        var scraped = await stack.Prometheus.QueryUntilAsync(failures, r => r.Sum == 1, TimeSpan.FromSeconds(30));
        Assert.AreEqual(1, scraped.Sum, $"Prometheus saw the failed request: {scraped}\n{stack.Diagnostics}");

        // Every critical alert is pending from the first evaluation at which its expression holds, and every rule now
        // runs each second, so a minute with no critical alert pending or firing shows that none would page.
        var watched = Stopwatch.StartNew();
        var warned = false;
        while (watched.Elapsed < ObservedQuietFor || !warned)
        {
            var critical = await stack.Prometheus.QueryAsync("ALERTS{severity=\"critical\"}");
            Assert.IsEmpty(critical.Samples, $"A critical alert for one failed request after {watched.Elapsed.TotalSeconds:F0} s: {critical}\n{stack.Diagnostics}");
            var low = await stack.Prometheus.QueryAsync($"ALERTS{{alertname=\"LowTrafficErrors\", alertstate=\"firing\", service=\"{stack.Config.ServiceName}\"}}");
            warned |= low.Samples.Count == 1;
            Assert.IsLessThan(ObservedQuietFor + TimeSpan.FromSeconds(30), watched.Elapsed, $"LowTrafficErrors never reported the failure.\n{stack.Diagnostics}");
            await Task.Delay(1000);
        }

        TestContext.WriteLine($"No critical alert in {watched.Elapsed.TotalSeconds:F0} s after one failed request; LowTrafficErrors reported it.");
        Assert.IsFalse(stack.Sink.Requests.Any(m => m.Body.Contains("*CRITICAL*", StringComparison.Ordinal)), $"Slack received a page.\n{stack.Diagnostics}");
    }
}
