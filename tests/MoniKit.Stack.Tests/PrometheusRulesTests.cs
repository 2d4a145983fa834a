using System.Text.RegularExpressions;

namespace MoniKit.Stack.Tests;

[TestClass]
public sealed partial class PrometheusRulesTests
{
    /// <summary>The routes of MoniKit's management endpoints at their default paths (MoniKit:Management).</summary>
    private const string ManagementRoutes = "http_route!~\"/metrics|/metrics-text|/env|/ping|/health|/alive\"";

    public static IEnumerable<object[]> Variants => TemplateRenderer.Variants.Select(v => new object[] { v });

    [TestMethod]
    public void PromtoolCheckConfig_CommittedConfig_IsValidWithItsRuleFiles()
    {
        var result = Promtool(["check", "config", Path.Combine(StackContent.Prometheus, "prometheus.yml")]).EnsureSuccess();

        StringAssert.Contains(result.Output, "4 rule files found");
    }

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void PromtoolCheckConfig_RenderedVariant_IsValidAndTargetsTheService(string variant)
    {
        var prometheus = Path.Combine(TemplateRenderer.Render(variant), "monitoring", "prometheus");

        Promtool(["check", "config", Path.Combine(prometheus, "prometheus.yml")]).EnsureSuccess();

        var targets = Directory.GetFiles(Path.Combine(prometheus, "targets"), "*.yml");
        Assert.HasCount(1, targets);
        var text = File.ReadAllText(targets[0]);
        StringAssert.Contains(text, "service: orders");
        var expected = variant switch
        {
            "stack" => "host.docker.internal:6080",
            "worker" => "orders:9465",
            _ => "orders:8080",
        };
        StringAssert.Contains(text, $"- targets: [\"{expected}\"]");
        Assert.AreEqual(1, Regex.Count(text, "^- targets:", RegexOptions.Multiline), text);
    }

    [TestMethod]
    [DataRow("Mimir", "X-Scope-OrgID: monikit")]
    [DataRow("Thanos", "/api/v1/receive")]
    public void PromtoolCheckConfig_RemoteWriteBlockUncommented_IsValid(string backend, string expected)
    {
        var config = File.ReadAllText(Path.Combine(StackContent.Prometheus, "prometheus.yml"));
        var block = config[config.IndexOf($"# {backend}:", StringComparison.Ordinal)..].Split('\n').Skip(1)
            .TakeWhile(l => l.StartsWith("# ", StringComparison.Ordinal))
            .Select(l => l[2..])
            .Where(l => !l.TrimStart().StartsWith('#'))
            .ToList();
        var copy = StackContent.NewTemporaryDirectory("remote-write");
        try
        {
            StackContent.CopyDirectory(StackContent.Prometheus, copy);
            File.WriteAllText(Path.Combine(copy, "prometheus.yml"), config + "\n" + string.Join('\n', block) + "\n");
            StringAssert.Contains(string.Join('\n', block), expected);
            StringAssert.StartsWith(block[0], "remote_write:");

            Promtool(["check", "config", Path.Combine(copy, "prometheus.yml")]).EnsureSuccess();
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [TestMethod]
    public void PromtoolCheckRules_EveryRuleFile_IsValid()
    {
        var files = Directory.GetFiles(Path.Combine(StackContent.Prometheus, "rules"), "*.yml");

        Promtool(["check", "rules", .. files]).EnsureSuccess();
    }

    [TestMethod]
    public void PromtoolTestRules_UnitTests_Pass()
    {
        var files = Directory.GetFiles(Path.Combine(StackContent.Prometheus, "tests"), "*.test.yml");
        Assert.IsNotEmpty(files);

        var result = Promtool(["test", "rules", .. files]).EnsureSuccess();

        Assert.DoesNotContain("FAILED", result.Output);
    }

    [TestMethod]
    public void AlertRules_EveryAlert_IsDocumentedAndShownToFireAndNotToFire()
    {
        var rules = string.Join('\n', Directory.GetFiles(Path.Combine(StackContent.Prometheus, "rules"), "*.yml").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var tests = string.Join('\n', Directory.GetFiles(Path.Combine(StackContent.Prometheus, "tests"), "*.test.yml").Select(File.ReadAllText));
        var docs = File.ReadAllText(Path.Combine(StackContent.RepositoryRoot, "docs", "monitoring-stack.md"));
        var alerts = AlertName().Matches(rules).Select(m => m.Groups[1].Value).ToList();

        CollectionAssert.IsSubsetOf(
            new[]
            {
                "TargetDown", "HighErrorRatio", "LowTrafficErrors", "HighLatencyP95", "ErrorLogRate", "SlowQueries", "JobFailing", "JobStale",
                "ErrorBudgetBurnFast", "ErrorBudgetBurnSlow", "Watchdog", "NoServiceTargets", "ServiceTargetMissing",
                "PrometheusRuleEvaluationFailures", "PrometheusNotificationsFailing", "AlertmanagerNotificationsFailing",
                "LokiIngestionErrors", "AlloyLogsNotShipped",
            },
            alerts);
        foreach (var alert in alerts)
        {
            var block = rules[rules.IndexOf($"- alert: {alert}\n", StringComparison.Ordinal)..];
            var next = block.IndexOf("- alert:", 10, StringComparison.Ordinal);
            block = next < 0 ? block : block[..next];
            foreach (var annotation in new[] { "summary:", "description:", "severity:" })
            {
                StringAssert.Contains(block, annotation, $"{alert} has {annotation}");
            }

            StringAssert.Contains(block, $"runbook: \"https://github.com/monikit/monikit/blob/main/docs/monitoring-stack.md#{alert.ToLowerInvariant()}\"");
            StringAssert.Contains(docs, $"### {alert}\n", $"{alert} has a runbook section");

            var cases = Regex.Matches(tests, $@"alertname: {alert}\n\s+exp_alerts:(.*)").Select(m => m.Groups[1].Value.Trim()).ToList();
            Assert.IsTrue(cases.Any(c => c.Length == 0), $"{alert} is shown to fire");

            // The heartbeat fires always, by design: it has no quiet case to show.
            if (alert != "Watchdog")
            {
                Assert.Contains("[]", cases, $"{alert} is shown not to fire");
            }
        }
    }

    [TestMethod]
    public void PromtoolTestRules_RequestFloorRemoved_OneFailureAmongFewRequestsPages()
    {
        // The floor is what keeps one failure among a handful of requests from paging: without it the unit tests fail.
        var copy = StackContent.NewTemporaryDirectory("nofloor");
        try
        {
            StackContent.CopyDirectory(StackContent.Prometheus, copy);
            var config = Path.Combine(copy, "rules", "monikit-config.yml");
            var text = File.ReadAllText(config);
            StringAssert.Contains(text, "record: monikit:page_min_requests:count\n        expr: vector(20)");
            File.WriteAllText(config, text.Replace("expr: vector(20)", "expr: vector(0)", StringComparison.Ordinal));

            var result = ProcessRunner.Run(
                DebianPrograms.Require("promtool", "prometheus"),
                ["test", "rules", .. Directory.GetFiles(Path.Combine(copy, "tests"), "*.test.yml")],
                copy);

            Assert.AreNotEqual(0, result.ExitCode, result.Output);
            StringAssert.Contains(result.Output, "service=\"inventory\"", "HighErrorRatio pages for 1 failure in 1 request");
            StringAssert.Contains(result.Output, "service=\"quiet\"", "ErrorBudgetBurnFast pages for 1 failure among 3 requests");
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [TestMethod]
    public void RequestQueries_EveryRuleAndDashboardQuery_ExcludesTheManagementRoutes()
    {
        var queries = Directory.GetFiles(Path.Combine(StackContent.Prometheus, "rules"), "*.yml")
            .SelectMany(f => RequestSelector().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Selector: m.Value)))
            .Concat(Directory.GetFiles(Path.Combine(StackContent.Monitoring, "grafana", "dashboards"), "*.json")
                .SelectMany(f => RequestSelector().Matches(File.ReadAllText(f).Replace("\\\"", "\"", StringComparison.Ordinal)).Select(m => (File: Path.GetFileName(f), Selector: m.Value))))
            .ToList();

        Assert.IsGreaterThan(20, queries.Count, "the rules and dashboards query the request metric");
        var unguarded = queries.Where(q => !q.Selector.Contains(ManagementRoutes, StringComparison.Ordinal)).ToList();
        Assert.IsEmpty(unguarded, "Selectors that count management requests:\n" + string.Join('\n', unguarded));
    }

    private static ProcessResult Promtool(IEnumerable<string> arguments) =>
        ProcessRunner.Run(DebianPrograms.Require("promtool", "prometheus"), arguments, StackContent.Prometheus);

    [GeneratedRegex(@"^\s+- alert: (\w+)", RegexOptions.Multiline)]
    private static partial Regex AlertName();

    // A selector of the request metric, with or without label matchers.
    [GeneratedRegex(@"http_server_request_duration_seconds_(?:count|bucket|sum)(?:\{[^}]*\})?")]
    private static partial Regex RequestSelector();
}
