using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MoniKit.Templates.Tests.Infrastructure;
using MoniKit.Testing;

namespace MoniKit.Templates.Tests.Kubernetes;

/// <summary>
/// Every service template with <c>--kubernetes true</c>: the project builds with zero warnings, deploy/kubernetes
/// validates against the Kubernetes and Prometheus Operator schemas, and the running service, started with the
/// manifest's own environment, answers the paths its probes and its ServiceMonitor ask for.
/// </summary>
[TestClass]
public sealed partial class KubernetesTemplateTests
{
    [TestMethod]
    [DataRow("monikit-webapi", "Orders", "")]
    [DataRow("monikit-worker", "Billing", "")]
    [DataRow("monikit-data", "Shelf", "sqlite")]
    [DataRow("monikit-data", "Catalog", "postgres")]
    public async Task Kubernetes_ServiceTemplate_BuildsValidatesAndServesWhatTheManifestsAsk(string template, string name, string database)
    {
        string[] options = database.Length > 0 ? ["--kubernetes", "true", "--database", database] : ["--kubernetes", "true"];
        var project = await GeneratedProject.CreateAsync(template, name, options);
        var folder = Path.Combine(project.Directory, "deploy", "kubernetes");
        var manifests = KubernetesManifests.Validate(
            Directory.GetFiles(folder, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml"));
        Assert.IsEmpty(manifests.Errors, string.Join('\n', manifests.Errors));
        AssertKustomizeRenders(folder);
        await project.BuildAsync();

        var container = manifests.One("Deployment").Body["spec"]!["template"]!["spec"]!["containers"]![0]!;
        var port = FreePort.Next();
        await using var postgres = database == "postgres" ? await PostgresServer.StartAsync() : null;
        await using var service = await project.StartAsync(Environment(container, port, postgres), "/ping", port);

        var paths = new[] { container["readinessProbe"]!, container["livenessProbe"]! }
            .Select(p => p["httpGet"]!["path"]!.GetValue<string>())
            .Append(manifests.One("ServiceMonitor").Body["spec"]!["endpoints"]![0]!["path"]!.GetValue<string>());
        foreach (var path in paths)
        {
            using var response = await service.Client.GetAsync(path);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"{path}, which the manifests ask for");
        }

        // honorLabels keeps the service's own labels: none may take the place of a label the operator sets.
        var metrics = await service.Client.GetStringAsync("/metrics");
        StringAssert.Contains(metrics, "monikit_build_info{");
        var clashes = OperatorLabel().Matches(metrics).Select(m => m.Value).Distinct().ToList();
        Assert.IsEmpty(clashes, "series carrying a label the operator sets: " + string.Join(", ", clashes));

        await service.StopAsync();
        // MoniKit__Logging__ConsoleLevel=Information: standard output, which the node's agent ships, has Information lines.
        var stdout = service.OutputLines.Where(l => l.StartsWith('{')).ToList();
        LogAssert.Conforms(stdout);
        Assert.IsTrue(stdout.Any(l => l.Contains("\"log.level\":\"info\"", StringComparison.Ordinal)), string.Join('\n', service.OutputLines));
    }

    // The manifest's literal variables as they are, and its Secret references filled as the Secrets would fill them.
    private static Dictionary<string, string?> Environment(JsonNode container, int port, PostgresServer? postgres)
    {
        var environment = new Dictionary<string, string?>();
        foreach (var variable in container["env"]!.AsArray())
        {
            var name = variable!["name"]!.GetValue<string>();
            if (variable["value"] is { } value)
            {
                environment[name] = value.GetValue<string>();
            }
            else if (name == "ConnectionStrings__Default")
            {
                environment[name] = postgres!.ConnectionString;
            }
        }

        if (container["ports"]![0]!["name"]!.GetValue<string>() == "management")
        {
            environment["MoniKit__Management__Port"] = port.ToString(CultureInfo.InvariantCulture);
            environment["MoniKit__Management__Host"] = "127.0.0.1";
        }

        return environment;
    }

    private static void AssertKustomizeRenders(string folder)
    {
        if (KubernetesManifests.Kubectl is null)
        {
            Console.WriteLine("kubectl is not installed: `kubectl kustomize` is not checked here.");
            return;
        }

        var rendered = KubernetesManifests.Kustomize(folder);
        Assert.AreEqual(0, rendered.ExitCode, rendered.Output);
        var errors = KubernetesManifests.Validate(["-"], rendered.StandardOutput).Errors;
        Assert.IsEmpty(errors, string.Join('\n', errors));
    }

    [GeneratedRegex(@"[{,](service|namespace|pod|container|endpoint)=""")]
    private static partial Regex OperatorLabel();
}
