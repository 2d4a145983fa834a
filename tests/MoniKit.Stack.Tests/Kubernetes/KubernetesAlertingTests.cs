using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MoniKit.Stack.Tests.Kubernetes;

/// <summary>
/// The AlertmanagerConfig routes the service's alerts to Slack as the compose stack's alertmanager.yml does, with the
/// same message, and the dashboards reach Grafana's sidecar as the compose stack's very files.
/// </summary>
[TestClass]
public sealed class KubernetesAlertingTests
{
    public static IEnumerable<object[]> Variants => KubernetesRenderer.Variants;

    private static string Alertmanager => Path.Combine(StackContent.Monitoring, "alertmanager");

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void AlertmanagerConfig_EveryVariant_GroupsTheServicesAlertsAsTheComposeStack(string variant)
    {
        var compose = KubernetesManifests.Parse(Path.Combine(Alertmanager, "alertmanager.yml")).Single();
        var spec = Config(variant)["spec"]!;
        var route = spec["route"]!;

        Assert.IsTrue(JsonNode.DeepEquals(compose["route"]!["group_by"], route["groupBy"]));
        foreach (var (yml, crd) in new[] { ("group_wait", "groupWait"), ("group_interval", "groupInterval"), ("repeat_interval", "repeatInterval") })
        {
            Assert.AreEqual(compose["route"]![yml]!.GetValue<string>(), route[crd]!.GetValue<string>(), crd);
        }

        var matcher = route["matchers"]!.AsArray().Single()!;
        Assert.AreEqual("service", matcher["name"]!.GetValue<string>());
        Assert.AreEqual(KubernetesRenderer.ServiceName(variant), matcher["value"]!.GetValue<string>(), "only this service's alerts");

        // The compose stack's inhibition: a critical alert of a service mutes its warnings.
        var inhibit = compose["inhibit_rules"]!.AsArray().Single()!;
        var rule = spec["inhibitRules"]!.AsArray().Single()!;
        Assert.AreEqual(inhibit["source_matchers"]![0]!.GetValue<string>(), Matcher(rule["sourceMatch"]!));
        Assert.AreEqual(inhibit["target_matchers"]![0]!.GetValue<string>(), Matcher(rule["targetMatch"]!));
        Assert.IsTrue(JsonNode.DeepEquals(inhibit["equal"], rule["equal"]));
    }

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void AlertmanagerConfig_EveryVariant_PostsTheComposeStacksSlackMessageThroughASecret(string variant)
    {
        var receiver = Config(variant)["spec"]!["receivers"]!.AsArray().Single()!;
        var slack = receiver["slackConfigs"]!.AsArray().Single()!;
        var templates = File.ReadAllText(Path.Combine(Alertmanager, "templates", "monikit-slack.tmpl"));

        foreach (var part in new[] { "title", "text", "color" })
        {
            var define = Regex.Match(templates, $@"\{{\{{ define ""monikit\.slack\.{part}"" -\}}\}}\s*(.*?)\s*\{{\{{- end \}}\}}", RegexOptions.Singleline);
            Assert.IsTrue(define.Success, $"monikit-slack.tmpl defines {part}");
            Assert.AreEqual(define.Groups[1].Value, slack[part]!.GetValue<string>(), $"the {part} is the compose stack's");
        }

        Assert.IsTrue(slack["sendResolved"]!.GetValue<bool>());
        Assert.AreEqual($"{KubernetesRenderer.ServiceName(variant)}-slack", slack["apiURL"]!["name"]!.GetValue<string>(), "the webhook is a Secret reference");
        Assert.AreEqual("webhook-url", slack["apiURL"]!["key"]!.GetValue<string>());
    }

    [TestMethod]
    public void GrafanaDashboards_ConfigMaps_HoldEveryStackDashboardForTheSidecar()
    {
        var maps = KubernetesManifests.Validate([Path.Combine(KubernetesRenderer.Folder("webapi"), "grafana-dashboards.yaml")]).OfKind("ConfigMap");
        var dashboards = Directory.GetFiles(Path.Combine(StackContent.Monitoring, "grafana", "dashboards"), "*.json");

        Assert.HasCount(dashboards.Length, maps);
        foreach (var dashboard in dashboards)
        {
            var key = Path.GetFileName(dashboard);
            var map = maps.SingleOrDefault(m => m.Body["data"]?[key] is not null);
            Assert.IsNotNull(map, $"a ConfigMap holds {key}");
            Assert.AreEqual("1", map.Labels.GetValueOrDefault("grafana_dashboard"), "the Grafana chart's sidecar label");
            Assert.IsTrue(
                JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(dashboard)), JsonNode.Parse(map.Body["data"]![key]!.GetValue<string>())),
                $"{key} is the compose stack's dashboard");
        }
    }

    private static JsonObject Config(string variant) =>
        KubernetesManifests.Validate([Path.Combine(KubernetesRenderer.Folder(variant), "alertmanagerconfig.yaml")]).One("AlertmanagerConfig").Body;

    private static string Matcher(JsonNode matchers)
    {
        var one = matchers.AsArray().Single()!;
        return $"{one["name"]}{one["matchType"]}\"{one["value"]}\"";
    }
}
