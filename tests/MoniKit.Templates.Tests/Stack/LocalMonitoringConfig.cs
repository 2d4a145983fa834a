using System.Text.RegularExpressions;
using MoniKit.Templates.Tests.Infrastructure;

namespace MoniKit.Templates.Tests.Stack;

/// <summary>
/// A copy of a generated project's <c>monitoring/</c> folder, changed only where the compose network's names must
/// become loopback addresses: the scrape target, Alertmanager, and the webhook secret file.
/// </summary>
public sealed partial class LocalMonitoringConfig : IDisposable
{
    private LocalMonitoringConfig(string root) => Root = root;

    /// <summary>The copied <c>monitoring/</c> folder.</summary>
    public string Root { get; }

    public string PrometheusConfig => Path.Combine(Root, "prometheus", "prometheus.yml");

    public string AlertmanagerConfig => Path.Combine(Root, "alertmanager", "alertmanager.yml");

    public string DashboardsDirectory => Path.Combine(Root, "grafana", "dashboards");

    /// <summary>The <c>service</c> label of the generated service, as its targets file sets it.</summary>
    public string ServiceName => ServiceLabel().Match(File.ReadAllText(SingleTargetsFile())).Groups[1].Value;

    public static LocalMonitoringConfig CopyFrom(GeneratedProject project)
    {
        var source = Path.Combine(project.Directory, "monitoring");
        Assert.IsTrue(Directory.Exists(source), $"The generated project has no monitoring folder: {source}");
        var root = Path.Combine(Path.GetTempPath(), $"monikit-monitoring-{Guid.NewGuid():N}"[..40]);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return new LocalMonitoringConfig(root);
    }

    /// <summary>Points the service's targets file at <paramref name="hostPort"/>, and drops the stack's own targets.</summary>
    public void ScrapeServiceAt(string hostPort)
    {
        Rewrite(SingleTargetsFile(), TargetList(), $"targets: [\"{hostPort}\"]");

        // Grafana, Loki and the others do not run here; their targets would be down and raise TargetDown.
        Directory.Delete(Path.Combine(Root, "prometheus", "stack-targets"), recursive: true);
    }

    public void SendAlertsTo(AlertmanagerServer alertmanager) =>
        Rewrite(PrometheusConfig, AlertmanagerTarget(), $"\"127.0.0.1:{alertmanager.Port}\"");

    /// <summary>Writes the webhook URL to a file, as compose's secret would, and points <c>api_url_file</c> at it.</summary>
    public void SendSlackMessagesTo(Uri webhook)
    {
        var secret = Path.Combine(Root, "slack_webhook_url");
        File.WriteAllText(secret, webhook.AbsoluteUri);
        Rewrite(AlertmanagerConfig, SecretFile(), secret);
    }

    /// <summary>
    /// Evaluates every rule group at <paramref name="interval"/>, so that windows and <c>for</c> durations, not the
    /// long groups' 30-second cadence, decide how soon a test sees an alert.
    /// </summary>
    public void EvaluateRulesEvery(TimeSpan interval)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "prometheus", "rules"), "*.yml"))
        {
            Rewrite(file, GroupInterval(), $"interval: {(int)interval.TotalSeconds}s");
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private string SingleTargetsFile()
    {
        var files = Directory.GetFiles(Path.Combine(Root, "prometheus", "targets"), "*.yml");
        Assert.HasCount(1, files, "A generated service comes with one targets file");
        return files[0];
    }

    private static void Rewrite(string file, Regex pattern, string replacement)
    {
        var text = File.ReadAllText(file);
        Assert.IsTrue(pattern.IsMatch(text), $"{file} no longer holds {pattern}:\n{text}");
        File.WriteAllText(file, pattern.Replace(text, replacement.Replace("$", "$$", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"targets: \[""[^""]+""\]")]
    private static partial Regex TargetList();

    [GeneratedRegex(@"""alertmanager:9093""")]
    private static partial Regex AlertmanagerTarget();

    [GeneratedRegex(@"/run/secrets/monikit/slack_webhook_url")]
    private static partial Regex SecretFile();

    [GeneratedRegex(@"(?<=^    )interval: \d+s", RegexOptions.Multiline)]
    private static partial Regex GroupInterval();

    [GeneratedRegex(@"^\s+service: (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ServiceLabel();
}
