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
