using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MoniKit.Stack.Tests.Kubernetes;

/// <summary>No generated manifest holds a secret value: secrets are only ever references to Secrets.</summary>
[TestClass]
public sealed partial class KubernetesSecretTests
{
    public static IEnumerable<object[]> Variants => KubernetesRenderer.Variants;

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void Manifests_EveryVariant_HoldNoSecretValue(string variant)
    {
        var objects = KubernetesManifests.Validate(KubernetesRenderer.ManifestFiles(variant)).Objects;

        var findings = objects.SelectMany(Scan).ToList();

        Assert.IsEmpty(findings, string.Join('\n', findings));
    }

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void Deployment_EveryVariant_ReadsItsSecretsFromSecretReferences(string variant)
    {
        var env = KubernetesManifests.Validate(KubernetesRenderer.ManifestFiles(variant)).One("Deployment")
            .Body["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray()
            .ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!["valueFrom"]?["secretKeyRef"]);
        var service = KubernetesRenderer.ServiceName(variant);

        Assert.AreEqual($"{service}-slack", env["MoniKit__Slack__WebhookUrl"]?["name"]?.GetValue<string>());
        Assert.IsTrue(env["MoniKit__Slack__WebhookUrl"]!["optional"]!.GetValue<bool>(), "the service starts before Slack is set up");
        if (variant == "data-postgres")
        {
            Assert.AreEqual($"{service}-postgres", env["ConnectionStrings__Default"]?["name"]?.GetValue<string>());
        }
        else
        {
            Assert.IsFalse(env.ContainsKey("ConnectionStrings__Default"));
        }
    }

    [TestMethod]
    public void Scan_PlantedSecrets_AreFound()
    {
        var planted = JsonNode.Parse("""
            { "kind": "Deployment", "metadata": { "name": "planted" }, "spec": { "template": { "spec": { "containers": [ { "env": [
              { "name": "MoniKit__Slack__WebhookUrl", "value": "https://hooks.slack.com/services/T0/B0/abc" },
              { "name": "ConnectionStrings__Default", "value": "Host=db;Password=hunter2" },
              { "name": "DB_PASSWORD", "value": "x" },
              { "name": "MoniKit__Logging__ConsoleLevel", "value": "Information" } ] } ] } } } }
            """)!.AsObject();
        var secret = JsonNode.Parse("""{ "kind": "Secret", "metadata": { "name": "s" }, "stringData": { "url": "x" } }""")!.AsObject();

        var findings = Scan(new ManifestObject("planted.yaml", planted)).Concat(Scan(new ManifestObject("secret.yaml", secret))).ToList();

        Assert.HasCount(6, findings, string.Join('\n', findings));
        Assert.IsFalse(findings.Any(f => f.Contains("ConsoleLevel", StringComparison.Ordinal)));
    }

    private static IEnumerable<string> Scan(ManifestObject manifest)
    {
        var where = $"{manifest.File}: {manifest.Kind}/{manifest.Name}";
        if (manifest.Kind == "Secret")
        {
            yield return $"{where}: a Secret with its values";
        }

        foreach (var (path, value) in Strings(manifest.Body, ""))
        {
            if (SecretValue().IsMatch(value))
            {
                yield return $"{where}: {path} holds a secret value";
            }
        }

        foreach (var variable in manifest.Body.Descendants("env"))
        {
            var name = variable["name"]?.GetValue<string>() ?? "";
            if (SecretName().IsMatch(name) && variable["value"] is not null)
            {
                yield return $"{where}: {name} is set to a value instead of a secretKeyRef";
            }
        }
    }

    private static IEnumerable<(string Path, string Value)> Strings(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value, $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany((item, i) => Strings(item, $"{path}[{i}]")),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [(path, v.GetValue<string>())],
        _ => [],
    };

    // A Slack webhook, a connection-string password, or credentials in a URL.
    [GeneratedRegex(@"hooks\.slack\.com/services/|(?i:password)=[^;\s""']|://[^/\s:@]+:[^/\s@]+@")]
    private static partial Regex SecretValue();

    [GeneratedRegex("(?i)password|secret|token|webhook|connectionstring|apikey")]
    private static partial Regex SecretName();
}
