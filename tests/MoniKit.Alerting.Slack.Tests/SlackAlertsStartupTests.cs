using MoniKit.Logging;

namespace MoniKit.Alerting.Slack.Tests;

[TestClass]
public sealed class SlackAlertsStartupTests
{
    [TestMethod]
    [DataRow("not a url")]
    [DataRow("hooks.slack.com/services/T0/B0/secretpart")]
    [DataRow("http://hooks.slack.com/services/T0/B0/secretpart")]
    [DataRow("ftp://hooks.slack.com/services/T0/B0/secretpart")]
    public void AddMoniKitSlackAlerts_MalformedWebhookUrl_FailsNamingTheKeyWithoutTheUrl(string url)
    {
        var root = Directory.CreateTempSubdirectory("monikit-slack-").FullName;

        var ex = Assert.ThrowsExactly<MoniKitConfigurationException>(() =>
            TestService.Build(root, new Dictionary<string, string?> { ["MoniKit:Slack:WebhookUrl"] = url }));

        StringAssert.Contains(ex.Message, "MoniKit:Slack:WebhookUrl must be an absolute https URL");
        Assert.DoesNotContain("secretpart", ex.Message);
        Assert.DoesNotContain(url, ex.Message);
    }

    [TestMethod]
    [DataRow("https://user:secretpart@hooks.slack.com/services/T0/B0/XXXX")]
    [DataRow("https://secretpart@hooks.slack.com/services/T0/B0/XXXX")]
    public void AddMoniKitSlackAlerts_WebhookUrlWithUserInfo_SaysSoWithoutTheSecret(string url)
    {
        var root = Directory.CreateTempSubdirectory("monikit-slack-").FullName;

        var ex = Assert.ThrowsExactly<MoniKitConfigurationException>(() =>
            TestService.Build(root, new Dictionary<string, string?> { ["MoniKit:Slack:WebhookUrl"] = url }));

        StringAssert.Contains(ex.Message, "MoniKit:Slack:WebhookUrl must not contain a user name or password");
        Assert.DoesNotContain("must be an absolute https URL", ex.Message);
        Assert.DoesNotContain("secretpart", ex.Message);
        Assert.DoesNotContain("XXXX", ex.Message);
    }

    [TestMethod]
    public void AddMoniKitSlackAlerts_SecretFileWithMalformedUrl_FailsNamingTheFileKey()
    {
        var root = Directory.CreateTempSubdirectory("monikit-slack-").FullName;
        var file = Path.Combine(root, "slack_webhook");
        File.WriteAllText(file, "http://hooks.slack.com/services/T0/B0/secretpart\n");

        var ex = Assert.ThrowsExactly<MoniKitConfigurationException>(() =>
            TestService.Build(root, new Dictionary<string, string?> { ["MoniKit:Slack:WebhookUrlFile"] = file }));

        StringAssert.Contains(ex.Message, "MoniKit:Slack:WebhookUrlFile must contain an absolute https URL");
        Assert.DoesNotContain("secretpart", ex.Message);
    }

    [TestMethod]
    [DataRow("Loud")]
    [DataRow("Off")]
    [DataRow("")]
    public void AddMoniKitSlackAlerts_UnknownMinLevel_FailsNamingTheKey(string level)
    {
        var root = Directory.CreateTempSubdirectory("monikit-slack-").FullName;

        var ex = Assert.ThrowsExactly<MoniKitConfigurationException>(() =>
            TestService.Build(root, new Dictionary<string, string?> { ["MoniKit:Slack:MinLevel"] = level }));

        StringAssert.Contains(ex.Message, "MoniKit:Slack:MinLevel must be one of");
    }

    [TestMethod]
    public async Task AddMoniKitSlackAlerts_CalledTwice_RegistersOneAlertTarget()
    {
        var root = Directory.CreateTempSubdirectory("monikit-slack-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = root });

        builder.AddMoniKitSlackAlerts().AddMoniKitSlackAlerts(options => options.MinLevel = "Warn");

        await using var app = builder.Build();
        var targets = app.Services.GetServices<MoniKitLogTarget>().ToList();
        Assert.HasCount(1, targets);
        Assert.AreEqual(NLog.LogLevel.Error, targets[0].MinLevel);
        Assert.HasCount(1, app.Services.GetServices<IHostedService>().Where(s => s.GetType().Name == "AlertSender"));
    }
}
