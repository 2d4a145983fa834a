namespace MoniKit.Stack.Tests.Kubernetes;

/// <summary>
/// deploy/kubernetes of every service template row: each file and the kustomize output validate against the
/// Kubernetes and Prometheus Operator schemas, kustomize renders it, and it is absent without --kubernetes.
/// </summary>
[TestClass]
public sealed class KubernetesManifestTests
{
    private static readonly string[] ExpectedKinds =
        ["AlertmanagerConfig", "ConfigMap", "Deployment", "PrometheusRule", "Service", "ServiceMonitor"];

    public static IEnumerable<object[]> Variants => KubernetesRenderer.Variants;

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void ManifestFiles_EveryVariant_ValidateAgainstTheKubernetesAndOperatorSchemas(string variant)
    {
        var result = KubernetesManifests.Validate(KubernetesRenderer.ManifestFiles(variant));

        Assert.IsEmpty(result.Errors, string.Join('\n', result.Errors));
        CollectionAssert.AreEquivalent(ExpectedKinds, result.Objects.Select(o => o.Kind).Distinct().ToList());
    }

    [TestMethod]
    public void ManifestFiles_EveryVariant_UseOnlyFieldsTheModelsKnow()
    {
        var objects = Variants.SelectMany(v => KubernetesManifests.Validate(KubernetesRenderer.ManifestFiles((string)v[0])).Objects);

        var errors = KubernetesManifests.TypeCheck(objects);

        Assert.IsEmpty(errors, string.Join('\n', errors));
    }

    [TestMethod]
    public void TypeCheck_MisspeltField_IsRejected()
    {
        // The schemas let unknown fields through; the types do not.
        var deployment = System.Text.Json.Nodes.JsonNode.Parse("""
            { "apiVersion": "apps/v1", "kind": "Deployment", "metadata": { "name": "typo" }, "spec": { "selector": {},
              "template": { "spec": { "containers": [ { "name": "a", "image": "a:1", "securityContext": { "readOnlyRootFileSystem": true } } ] } } } }
            """)!.AsObject();

        var errors = KubernetesManifests.TypeCheck([new ManifestObject("typo.yaml", deployment)]);

        Assert.HasCount(1, errors, string.Join('\n', errors));
        StringAssert.StartsWith(errors[0], "typo.yaml: Deployment/typo");
        StringAssert.Contains(errors[0], "readOnlyRootFileSystem");
        StringAssert.Contains(errors[0], "does not exist in type 'ISecurityContext'");
    }

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void Kustomize_EveryVariant_RendersEveryFileAndTheOutputValidates(string variant)
    {
        if (KubernetesManifests.Kubectl is null)
        {
            Assert.Inconclusive("Skipped: kubectl is not installed, so `kubectl kustomize deploy/kubernetes` cannot be checked here.");
        }

        var rendered = KubernetesManifests.Kustomize(KubernetesRenderer.Folder(variant));
        Assert.AreEqual(0, rendered.ExitCode, rendered.Output);

        var result = KubernetesManifests.Validate(["-"], rendered.StandardOutput);
        Assert.IsEmpty(result.Errors, string.Join('\n', result.Errors));
        var files = KubernetesManifests.Validate(KubernetesRenderer.ManifestFiles(variant)).Objects;
        CollectionAssert.AreEquivalent(
            files.Select(o => $"{o.Kind}/{o.Name}").ToList(),
            result.Objects.Select(o => $"{o.Kind}/{o.Name}").ToList(),
            "kustomization.yaml lists every manifest file");
    }

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void Kustomize_EveryVariant_LabelsTheServiceMonitorAndRuleForKubePrometheusStack(string variant)
    {
        if (KubernetesManifests.Kubectl is null)
        {
            Assert.Inconclusive("Skipped: kubectl is not installed, so the kustomize output cannot be checked here.");
        }

        var rendered = KubernetesManifests.Kustomize(KubernetesRenderer.Folder(variant)).EnsureSuccess();
        var objects = KubernetesManifests.Validate(["-"], rendered.StandardOutput);

        // The chart's default selectors: serviceMonitorSelector and ruleSelector match release=<Helm release name>.
        foreach (var kind in new[] { "ServiceMonitor", "PrometheusRule" })
        {
            Assert.AreEqual("kube-prometheus-stack", objects.One(kind).Labels.GetValueOrDefault("release"), $"{kind} carries the release label");
        }

        var image = objects.One("Deployment").Body["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>();
        Assert.AreEqual($"{KubernetesRenderer.ServiceName(variant)}:1.0.0", image, "the image kustomization.yaml names, tagged");
    }

    [TestMethod]
    public void Kubernetes_False_WritesNoDeployFolder()
    {
        var project = KubernetesRenderer.Project("webapi", kubernetes: false);

        Assert.IsFalse(Directory.Exists(Path.Combine(project, "deploy")), "deploy/ is written only with --kubernetes true");
        Assert.IsTrue(File.Exists(Path.Combine(project, "docker-compose.yml")), "the rest of the template is there");
    }

    [TestMethod]
    public void Validate_ManifestBreakingTheSchema_IsRejected()
    {
        // The validator must be able to fail: a port number written as text, and a ServiceMonitor endpoint port as a number.
        var file = Path.Combine(StackContent.NewTemporaryDirectory("k8s-invalid"), "invalid.yaml");
        File.WriteAllText(file, """
            apiVersion: v1
            kind: Service
            metadata: { name: broken }
            spec:
              ports:
                - { name: http, port: "eighty" }
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: { name: broken }
            spec:
              selector: {}
              endpoints:
                - port: 8080
            ---
            apiVersion: example.com/v1
            kind: Unknown
            metadata: { name: broken }
            """);
        try
        {
            var errors = KubernetesManifests.Validate([file]).Errors;

            Assert.HasCount(3, errors, string.Join('\n', errors));
            StringAssert.Contains(errors[0], "Service/broken");
            StringAssert.Contains(errors[1], "ServiceMonitor/broken");
            StringAssert.Contains(errors[2], "no model for example.com/v1 Unknown");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
