using System.Text.RegularExpressions;

namespace MoniKit.Stack.Tests;

[TestClass]
public sealed partial class PrometheusRulesTests
{
    public static IEnumerable<object[]> Variants => TemplateRenderer.Variants.Select(v => new object[] { v });

    [TestMethod]
    public void PromtoolCheckConfig_CommittedConfig_IsValidWithItsRuleFiles()
    {
        var result = Promtool(["check", "config", Path.Combine(StackContent.Prometheus, "prometheus.yml")]).EnsureSuccess();

        StringAssert.Contains(result.Output, "3 rule files found");
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
        var rules = File.ReadAllText(Path.Combine(StackContent.Prometheus, "rules", "monikit-alerts.yml"));
        var tests = string.Join('\n', Directory.GetFiles(Path.Combine(StackContent.Prometheus, "tests"), "*.test.yml").Select(File.ReadAllText));
        var docs = File.ReadAllText(Path.Combine(StackContent.RepositoryRoot, "docs", "monitoring-stack.md"));
        var alerts = AlertName().Matches(rules).Select(m => m.Groups[1].Value).ToList();

        CollectionAssert.IsSubsetOf(
            new[] { "TargetDown", "HighErrorRatio", "HighLatencyP95", "ErrorLogRate", "SlowQueries", "JobFailing", "JobStale", "ErrorBudgetBurnFast", "ErrorBudgetBurnSlow" },
            alerts);
        foreach (var alert in alerts)
        {
            var block = rules[rules.IndexOf($"- alert: {alert}", StringComparison.Ordinal)..];
            var next = block.IndexOf("- alert:", 10, StringComparison.Ordinal);
            block = next < 0 ? block : block[..next];
            foreach (var annotation in new[] { "summary:", "description:", "severity:" })
            {
                StringAssert.Contains(block, annotation, $"{alert} has {annotation}");
            }

            StringAssert.Contains(block, $"runbook: \"https://github.com/monikit/monikit/blob/main/docs/monitoring-stack.md#{alert.ToLowerInvariant()}\"");
            StringAssert.Contains(docs, $"### {alert}\n", $"{alert} has a runbook section");

            var cases = Regex.Matches(tests, $@"alertname: {alert}\n\s+exp_alerts:(.*)").Select(m => m.Groups[1].Value.Trim()).ToList();
            Assert.Contains("[]", cases, $"{alert} is shown not to fire");
            Assert.IsTrue(cases.Any(c => c.Length == 0), $"{alert} is shown to fire");
        }
    }

    private static ProcessResult Promtool(IEnumerable<string> arguments) =>
        ProcessRunner.Run(DebianPrograms.Require("promtool", "prometheus"), arguments, StackContent.Prometheus);

    [GeneratedRegex(@"^\s+- alert: (\w+)", RegexOptions.Multiline)]
    private static partial Regex AlertName();
}
