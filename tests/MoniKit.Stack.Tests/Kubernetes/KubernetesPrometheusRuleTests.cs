using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MoniKit.Stack.Tests.Kubernetes;

/// <summary>
/// The generated PrometheusRule holds exactly the compose stack's rule groups, and they pass promtool's checks and
/// the compose stack's own unit tests.
/// </summary>
[TestClass]
public sealed partial class KubernetesPrometheusRuleTests
{
    private static string RulesFolder => Path.Combine(StackContent.Prometheus, "rules");

    [TestMethod]
    public void PrometheusRule_Groups_AreExactlyTheComposeStacksRuleGroups()
    {
        var expected = new JsonArray([.. Directory.GetFiles(RulesFolder, "*.yml").Order(StringComparer.Ordinal)
            .SelectMany(f => KubernetesManifests.Parse(f).Single()["groups"]!.AsArray())
            .Select(g => g!.DeepClone())]);

        var actual = Groups("webapi");

        Assert.IsTrue(JsonNode.DeepEquals(expected, actual), $"The PrometheusRule drifted from content/stack's rules:\n{KubernetesManifests.Show(actual)}");
        CollectionAssert.AreEqual(AlertNames(expected), AlertNames(actual));
        Assert.IsGreaterThan(15, AlertNames(actual).Count, "every compose alert is there");
    }

    [TestMethod]
    [DynamicData(nameof(KubernetesRenderer.Variants), typeof(KubernetesRenderer))]
    public void PrometheusRule_EveryVariant_IsTheSameRule(string variant)
    {
        // One rule for every service: several services applying it in one namespace leave one copy, not duplicates.
        var rule = KubernetesManifests.Validate([Path.Combine(KubernetesRenderer.Folder(variant), "prometheusrule.yaml")]).One("PrometheusRule");

        Assert.AreEqual("monikit", rule.Name);
        Assert.IsTrue(JsonNode.DeepEquals(Groups("webapi"), rule.Body["spec"]!["groups"]));
    }

    [TestMethod]
    public void PrometheusRule_Groups_PassPromtoolCheckAndTheComposeStacksUnitTests()
    {
        var copy = StackContent.NewTemporaryDirectory("k8s-rules");
        try
        {
            Directory.CreateDirectory(Path.Combine(copy, "rules"));
            Directory.CreateDirectory(Path.Combine(copy, "tests"));
            // JSON is YAML: the PrometheusRule's groups as a plain rule file.
            File.WriteAllText(Path.Combine(copy, "rules", "prometheusrule.yml"), new JsonObject { ["groups"] = Groups("webapi").DeepClone() }.ToJsonString());
            var tests = Directory.GetFiles(Path.Combine(StackContent.Prometheus, "tests"), "*.test.yml");
            Assert.IsNotEmpty(tests);
            foreach (var test in tests)
            {
                var text = File.ReadAllText(test);
                var files = RuleFileReference().Matches(text);
                Assert.IsNotEmpty(files, $"{test} names its rule files");
                // The same tests, loading the generated groups instead of the stack's files.
                text = RuleFileReference().Replace(text, "");
                text = text.Replace("rule_files:\n", "rule_files:\n  - ../rules/prometheusrule.yml\n", StringComparison.Ordinal);
                File.WriteAllText(Path.Combine(copy, "tests", Path.GetFileName(test)), text);
            }

            var promtool = DebianPrograms.Require("promtool", "prometheus");
            var check = ProcessRunner.Run(promtool, ["check", "rules", Path.Combine("rules", "prometheusrule.yml")], copy);
            Assert.AreEqual(0, check.ExitCode, check.Output);
            var unitTests = ProcessRunner.Run(promtool, ["test", "rules", .. Directory.GetFiles(Path.Combine(copy, "tests"))], copy);
            Assert.AreEqual(0, unitTests.ExitCode, unitTests.Output);
            Assert.IsFalse(unitTests.Output.Contains("FAILED", StringComparison.Ordinal), unitTests.Output);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static JsonArray Groups(string variant) =>
        KubernetesManifests.Parse(Path.Combine(KubernetesRenderer.Folder(variant), "prometheusrule.yaml")).Single()["spec"]!["groups"]!.AsArray();

    private static List<string> AlertNames(JsonArray groups) =>
        [.. groups.SelectMany(g => g!["rules"]!.AsArray()).Select(r => r!["alert"]?.GetValue<string>()).OfType<string>()];

    [GeneratedRegex(@"^  - \.\./rules/[\w.-]+\.yml\n", RegexOptions.Multiline)]
    private static partial Regex RuleFileReference();
}
