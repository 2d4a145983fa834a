namespace MoniKit.Stack.Tests;

[TestClass]
public sealed class AlertmanagerConfigTests
{
    private static string Config => Path.Combine(StackContent.Monitoring, "alertmanager", "alertmanager.yml");

    [TestMethod]
    public void AmtoolCheckConfig_CommittedConfig_IsValidWithItsTemplates()
    {
        var result = ProcessRunner.Run(DebianPrograms.Require("amtool", "prometheus-alertmanager"), ["check-config", Config])
            .EnsureSuccess();

        StringAssert.Contains(result.Output, "1 templates");
    }

    [TestMethod]
    public void AlertmanagerConfig_Routing_GroupsByAlertAndServiceAndReadsTheWebhookFromAFile()
    {
        var text = File.ReadAllText(Config);

        StringAssert.Contains(text, "group_by: [alertname, service]");
        StringAssert.Contains(text, "api_url_file: /run/secrets/monikit/slack_webhook_url");
        StringAssert.Contains(text, "send_resolved: true");
        StringAssert.Contains(text, "source_matchers: ['severity=\"critical\"']");
        StringAssert.Contains(text, "target_matchers: ['severity=\"warning\"']");
        Assert.DoesNotContain("api_url:", text);
    }

    [TestMethod]
    [DataRow("alertname=Watchdog", "heartbeat")]
    [DataRow("alertname=TargetDown service=orders severity=critical", "slack")]
    [DataRow("alertname=AlertmanagerNotificationsFailing service=alertmanager severity=warning", "slack")]
    public void AmtoolRoutesTest_Alert_ReachesItsReceiver(string labels, string receiver)
    {
        var amtool = DebianPrograms.Require("amtool", "prometheus-alertmanager");

        var result = ProcessRunner.Run(amtool, ["config", "routes", "test", $"--config.file={Config}", .. labels.Split(' ')]).EnsureSuccess();

        Assert.AreEqual(receiver, result.StandardOutput.Trim(), $"{labels} goes to {receiver}; the heartbeat never goes to Slack");
    }

    [TestMethod]
    public void AlertmanagerConfig_HeartbeatReceiver_IsOffByDefaultAndRepeatsEveryMinute()
    {
        var text = File.ReadAllText(Config);
        var heartbeat = text[text.IndexOf("  - name: heartbeat", StringComparison.Ordinal)..];

        Assert.IsFalse(heartbeat.Split('\n').Any(l => l.TrimStart().StartsWith("webhook_configs:", StringComparison.Ordinal)), "no integration is on by default");
        StringAssert.Contains(heartbeat, "#   - url_file: /run/secrets/monikit/heartbeat_url", "the receiver to switch on is documented in place");
        StringAssert.Contains(text, "receiver: heartbeat\n      group_wait: 0s\n      group_interval: 1m\n      repeat_interval: 1m");
    }

    [TestMethod]
    public void AmtoolTemplateRender_SlackText_ShowsServiceSummaryAndRunbook()
    {
        var amtool = DebianPrograms.Require("amtool", "prometheus-alertmanager");
        var template = Path.Combine(StackContent.Monitoring, "alertmanager", "templates", "monikit-slack.tmpl");
        var result = ProcessRunner.Run(amtool, [
            "template", "render", "--template.glob", template,
            "--template.text", "{{ template \"monikit.slack.text\" . }}",
        ]).EnsureSuccess();

        StringAssert.Contains(result.StandardOutput, "*Service:*");
        StringAssert.Contains(result.StandardOutput, "*Runbook:* <");
    }
}
