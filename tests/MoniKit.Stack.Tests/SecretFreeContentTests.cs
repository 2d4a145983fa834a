using System.Text.RegularExpressions;

namespace MoniKit.Stack.Tests;

[TestClass]
public sealed partial class SecretFreeContentTests
{
    public static IEnumerable<object[]> Roots =>
        [[Path.Combine("content")], [Path.Combine("templates", "monikit-stack")]];

    [TestMethod]
    [DynamicData(nameof(Roots))]
    public void Files_UnderRoot_HoldNoPasswordOrWebhookUrl(string root)
    {
        var files = Directory.GetFiles(Path.Combine(StackContent.RepositoryRoot, root), "*", SearchOption.AllDirectories);
        Assert.IsNotEmpty(files);

        var findings = files.SelectMany(Scan).ToList();

        Assert.IsEmpty(findings, string.Join('\n', findings));
    }

    [TestMethod]
    public void Scan_PlantedSecrets_AreFound()
    {
        var file = Path.Combine(StackContent.NewTemporaryDirectory("scan"), "docker-compose.yml");
        File.WriteAllText(file, string.Join('\n',
            "GF_SECURITY_ADMIN_PASSWORD: admin",
            "POSTGRES_PASSWORD=hunter2",
            "api_url: " + "https://hooks.slack" + ".com/services/T0/B0/abc",
            "GRAFANA_ADMIN_PASSWORD: ${GRAFANA_ADMIN_PASSWORD:?required}",
            "GRAFANA_ADMIN_PASSWORD=",
            "GRAFANA_ADMIN_PASSWORD=MONIKIT_GENERATED_GRAFANA_ADMIN_PASSWORD",
            "POSTGRES_PASSWORD=MONIKIT_GENERATED_X trailing"));
        try
        {
            var lines = Scan(file).Select(f => f.Split(':')[1]).Distinct().ToList();
            CollectionAssert.AreEqual(new[] { "1", "2", "3", "7" }, lines);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    private static IEnumerable<string> Scan(string file)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (WebhookUrl().IsMatch(line))
            {
                yield return $"{file}:{i + 1}: a Slack webhook URL";
            }

            var assignment = SecretAssignment().Match(line);
            if (assignment.Success && !IsReference(assignment.Groups["value"].Value.Trim().Trim('"', '\'')))
            {
                yield return $"{file}:{i + 1}: a value for {assignment.Groups["key"].Value}";
            }
        }
    }

    // Allowed: nothing, a variable to be supplied (${X:?...}), a file path the secret is read from, or a token that
    // the template engine replaces with a value of its own at each instantiation (template.json: generator guid).
    private static bool IsReference(string value) =>
        value.Length == 0 || value.StartsWith("${", StringComparison.Ordinal) || value.StartsWith('/') || value.StartsWith("./", StringComparison.Ordinal)
        || GeneratedToken().IsMatch(value);

    [GeneratedRegex("^MONIKIT_GENERATED_[A-Z_]+$")]
    private static partial Regex GeneratedToken();

    [GeneratedRegex(@"hooks\.slack\.com/(services|workflows|triggers)/", RegexOptions.IgnoreCase)]
    private static partial Regex WebhookUrl();

    [GeneratedRegex(@"^[\s\-#]*(?<key>[A-Za-z0-9_.]*(password|passwd|secret|token|api_url|webhook)[A-Za-z0-9_.]*)\s*[:=]\s*(?<value>[^#\s][^#]*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretAssignment();
}
