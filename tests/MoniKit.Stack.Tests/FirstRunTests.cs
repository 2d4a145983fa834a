using System.Text.RegularExpressions;

namespace MoniKit.Stack.Tests;

/// <summary>
/// What a new user meets right after <c>dotnet new</c>: a ready <c>.env</c> with passwords of its own, kept out of
/// git, and an Alertmanager that starts without a Slack webhook and says so.
/// </summary>
[TestClass]
public sealed partial class FirstRunTests
{
    public static IEnumerable<object[]> Variants => TemplateRenderer.Variants.Select(v => new object[] { v });

    [TestMethod]
    public void DotnetNewMonikitStack_ThenDockerComposeConfig_SucceedsWithNoOtherStep()
    {
        var stack = TemplateRenderer.RenderFresh("stack");

        var config = ProcessRunner.Run(Compose, ["config"], stack);

        config.EnsureSuccess();
        StringAssert.Contains(config.StandardOutput, $"GF_SECURITY_ADMIN_PASSWORD: {Password(stack, "GRAFANA_ADMIN_PASSWORD")}");
        Assert.IsFalse(Directory.Exists(Path.Combine(stack, "secrets")), "no secret file is needed before the first start");
    }

    [TestMethod]
    [DataRow("stack", "GRAFANA_ADMIN_PASSWORD")]
    [DataRow("webapi", "GRAFANA_ADMIN_PASSWORD")]
    [DataRow("data-postgres", "GRAFANA_ADMIN_PASSWORD")]
    [DataRow("data-postgres", "POSTGRES_PASSWORD")]
    public void DotnetNew_TwoInstantiations_GetDifferentRandomPasswords(string variant, string variable)
    {
        var first = Password(TemplateRenderer.RenderFresh(variant), variable);
        var second = Password(TemplateRenderer.RenderFresh(variant), variable);

        Assert.AreNotEqual(first, second, $"{variable} must differ between two instantiations of {variant}");
        foreach (var password in new[] { first, second })
        {
            Assert.MatchesRegex(RandomHex(), password, $"{variable} is 32 random hex digits, not a placeholder");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void GeneratedEnv_EveryVariant_SetsExactlyThePasswordsItsComposeFileRequires(string variant)
    {
        var env = File.ReadAllText(Path.Combine(TemplateRenderer.Render(variant), ".env"));

        Assert.AreEqual(1, Regex.Count(env, "^GRAFANA_ADMIN_PASSWORD=", RegexOptions.Multiline), env);
        Assert.AreEqual(variant == "data-postgres" ? 1 : 0, Regex.Count(env, "^POSTGRES_PASSWORD=", RegexOptions.Multiline), env);
        Assert.DoesNotContain("#if", env, "the template engine processed the conditionals");
        Assert.DoesNotContain("MONIKIT_GENERATED", env);
    }

    [TestMethod]
    [DataRow("content/stack/.gitignore.monikit-stack")]
    [DataRow("templates/monikit-webapi/.gitignore")]
    [DataRow("templates/monikit-worker/.gitignore")]
    [DataRow("templates/monikit-data/.gitignore")]
    public void GitIgnore_OfEveryTemplate_IgnoresEnvAndSecrets(string gitignore)
    {
        var repository = StackContent.NewTemporaryDirectory("git");
        try
        {
            File.Copy(Path.Combine(StackContent.RepositoryRoot, gitignore), Path.Combine(repository, ".gitignore"));
            File.WriteAllText(Path.Combine(repository, ".env"), "GRAFANA_ADMIN_PASSWORD=\n");
            Directory.CreateDirectory(Path.Combine(repository, "secrets"));
            File.WriteAllText(Path.Combine(repository, "secrets", "slack_webhook_url"), "\n");
            ProcessRunner.Run("git", ["init", "-q"], repository).EnsureSuccess();

            var ignored = ProcessRunner.Run("git", ["check-ignore", ".env", "secrets/slack_webhook_url"], repository);

            Assert.AreEqual(0, ignored.ExitCode, ignored.Output);
            StringAssert.Contains(ignored.StandardOutput, ".env\n");
            StringAssert.Contains(ignored.StandardOutput, "secrets/slack_webhook_url\n");
        }
        finally
        {
            Directory.Delete(repository, recursive: true);
        }
    }

    [TestMethod]
    public void AlertmanagerStart_NoWebhookFile_SaysNothingReachesSlackAndStillRunsAlertmanager()
    {
        var result = StartAlertmanager(webhook: null);

        result.EnsureSuccess();
        StringAssert.Contains(result.Output, "MoniKit: no Slack webhook URL in ");
        StringAssert.Contains(result.Output, "nothing is delivered to Slack");
        StringAssert.Contains(result.Output, "alertmanager, version", "start.sh went on to run Alertmanager");
    }

    [TestMethod]
    public void AlertmanagerStart_WebhookFileWritten_SaysNothing()
    {
        var result = StartAlertmanager(webhook: "https://hooks.example.invalid/services/T/B/x\n");

        result.EnsureSuccess();
        Assert.DoesNotContain("MoniKit:", result.Output);
        StringAssert.Contains(result.Output, "alertmanager, version");
    }

    private static string Compose => DebianPrograms.Require("docker-compose", "docker-compose");

    /// <summary>Runs start.sh as the compose file does, with the config's webhook path pointed at a temporary file.</summary>
    private static ProcessResult StartAlertmanager(string? webhook)
    {
        var alertmanager = DebianPrograms.Require("prometheus-alertmanager", "prometheus-alertmanager");
        var folder = StackContent.NewTemporaryDirectory("am-start");
        try
        {
            var secret = Path.Combine(folder, "slack_webhook_url");
            if (webhook is not null)
            {
                File.WriteAllText(secret, webhook);
            }

            var source = Path.Combine(StackContent.Monitoring, "alertmanager", "alertmanager.yml");
            var text = File.ReadAllText(source);
            StringAssert.Contains(text, "api_url_file: /run/secrets/monikit/slack_webhook_url");
            var config = Path.Combine(folder, "alertmanager.yml");
            File.WriteAllText(config, text.Replace("/run/secrets/monikit/slack_webhook_url", secret, StringComparison.Ordinal));

            var script = Path.Combine(StackContent.Monitoring, "alertmanager", "start.sh");
            return ProcessRunner.Run("/bin/sh", [script, alertmanager, $"--config.file={config}", "--version"], folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Password(string directory, string variable)
    {
        var match = Regex.Match(File.ReadAllText(Path.Combine(directory, ".env")), $"^{variable}=(.*)$", RegexOptions.Multiline);
        Assert.IsTrue(match.Success, $"{variable} is not in {directory}/.env");
        return match.Groups[1].Value.Trim();
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex RandomHex();
}
