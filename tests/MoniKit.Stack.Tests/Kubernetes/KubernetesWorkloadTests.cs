using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;

namespace MoniKit.Stack.Tests.Kubernetes;

/// <summary>
/// The Deployment, Service and ServiceMonitor of every variant fit together (selectors, named ports, probes) and the
/// pod runs locked down, logs to standard output and has time to shut down as MoniKit does.
/// </summary>
[TestClass]
public sealed class KubernetesWorkloadTests
{
    public static IEnumerable<object[]> Variants => KubernetesRenderer.Variants;

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void ServiceMonitor_EveryVariant_SelectsTheServiceAndScrapesANamedPort(string variant)
    {
        var objects = Objects(variant);
        var service = objects.One("Service");
        var monitor = objects.One("ServiceMonitor").Body["spec"]!;

        var selector = monitor["selector"]!["matchLabels"]!.AsObject();
        Assert.IsNotEmpty(selector);
        foreach (var (key, value) in selector)
        {
            Assert.AreEqual(value!.GetValue<string>(), service.Labels.GetValueOrDefault(key), $"the Service carries {key}");
        }

        var endpoint = monitor["endpoints"]!.AsArray().Single()!;
        var ports = service.Body["spec"]!["ports"]!.AsArray();
        Assert.IsTrue(ports.Any(p => p!["name"]!.GetValue<string>() == endpoint["port"]!.GetValue<string>()), "the endpoint names a Service port");
        Assert.AreEqual("/metrics", endpoint["path"]!.GetValue<string>());
        // up{job="monikit"}, which the rules count, comes from the Service label that jobLabel names.
        Assert.AreEqual("monikit", service.Labels.GetValueOrDefault(monitor["jobLabel"]!.GetValue<string>()));
        Assert.AreEqual(KubernetesRenderer.ServiceName(variant), service.Name, "the operator's `service` label, which the rules group by");
    }

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void Service_EveryVariant_SelectsThePodsAndReachesNamedContainerPorts(string variant)
    {
        var objects = Objects(variant);
        var service = objects.One("Service").Body["spec"]!;
        var pod = objects.One("Deployment").Body["spec"]!["template"]!;
        var container = Container(objects);
        var containerPorts = container["ports"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["containerPort"]!.GetValue<int>());

        foreach (var (key, value) in service["selector"]!.AsObject())
        {
            Assert.AreEqual(value!.GetValue<string>(), pod["metadata"]!["labels"]![key]?.GetValue<string>(), $"the pods carry {key}");
        }

        foreach (var port in service["ports"]!.AsArray())
        {
            Assert.IsTrue(containerPorts.ContainsKey(port!["targetPort"]!.GetValue<string>()), $"targetPort {port["targetPort"]} is a named container port");
        }

        var expected = variant.StartsWith("worker", StringComparison.Ordinal)
            ? new Dictionary<string, int> { ["management"] = variant == "worker-options" ? 9599 : 9464 }
            : new Dictionary<string, int> { ["http"] = 8080 };
        CollectionAssert.AreEquivalent(expected.ToList(), containerPorts.ToList(), "the worker's only port is its management port");
    }

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void Probes_EveryVariant_AskHealthForReadinessAndAliveForLiveness(string variant)
    {
        var container = Container(Objects(variant));
        var portName = container["ports"]![0]!["name"]!.GetValue<string>();

        foreach (var (probe, path) in new[] { ("readinessProbe", "/health"), ("livenessProbe", "/alive") })
        {
            var get = container[probe]!["httpGet"]!;
            Assert.AreEqual(path, get["path"]!.GetValue<string>(), probe);
            Assert.AreEqual(portName, get["port"]!.GetValue<string>(), $"{probe} goes through the management port when there is one");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void Deployment_EveryVariant_RunsLockedDownWithLimitsAndATaggedImage(string variant)
    {
        var objects = Objects(variant);
        var pod = objects.One("Deployment").Body["spec"]!["template"]!["spec"]!;
        var container = Container(objects);
        var security = container["securityContext"]!;

        Assert.IsTrue(pod["securityContext"]!["runAsNonRoot"]!.GetValue<bool>());
        Assert.IsTrue(security["readOnlyRootFilesystem"]!.GetValue<bool>());
        Assert.IsFalse(security["allowPrivilegeEscalation"]!.GetValue<bool>());
        CollectionAssert.AreEqual(new[] { "ALL" }, security["capabilities"]!["drop"]!.AsArray().Select(c => c!.GetValue<string>()).ToList());
        foreach (var kind in new[] { "requests", "limits" })
        {
            Assert.IsNotNull(container["resources"]![kind]!["cpu"], $"{kind}.cpu");
            Assert.IsNotNull(container["resources"]![kind]!["memory"], $"{kind}.memory");
        }

        var image = container["image"]!.GetValue<string>();
        Assert.MatchesRegex(new Regex(@"^[^:@]+:[\w][\w.-]*$"), image, "the image has a tag");
        Assert.IsFalse(image.EndsWith(":latest", StringComparison.Ordinal));

        // Everything the service writes on a read-only root: its log folder and /tmp, and a SQLite file.
        var emptyDirs = pod["volumes"]!.AsArray().Where(v => v!["emptyDir"] is not null).Select(v => v!["name"]!.GetValue<string>()).ToHashSet();
        var writable = container["volumeMounts"]!.AsArray().Where(m => emptyDirs.Contains(m!["name"]!.GetValue<string>()))
            .Select(m => m!["mountPath"]!.GetValue<string>()).ToList();
        var expected = variant == "data-sqlite" ? new[] { "/app/logs", "/tmp", "/app/data" } : ["/app/logs", "/tmp"];
        CollectionAssert.AreEquivalent(expected, writable);
    }

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void Deployment_EveryVariant_LogsInformationToStandardOutput(string variant)
    {
        var env = Container(Objects(variant))["env"]!.AsArray();

        var level = env.Single(e => e!["name"]!.GetValue<string>() == "MoniKit__Logging__ConsoleLevel")!;
        Assert.AreEqual("Information", level["value"]!.GetValue<string>());
    }

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void TerminationGracePeriod_EveryVariant_OutlastsMoniKitsShutdown(string variant)
    {
        var objects = Objects(variant);
        var pod = objects.One("Deployment").Body["spec"]!["template"]!["spec"]!;
        var hostStop = new HostOptions().ShutdownTimeout;
        var logFlush = SourceSeconds("MoniKit.Logging/Implementation/MoniKitLogFactory.cs", "FlushTimeout");
        var alertDrain = SourceSeconds("MoniKit.Alerting.Slack/Implementation/AlertSender.cs", "ShutdownBudget");
        var preStop = TimeSpan.FromSeconds(Container(objects)["lifecycle"]?["preStop"]?["sleep"]?["seconds"]?.GetValue<int>() ?? 0);

        // The alert drain runs while the host stops its services, so the host's timeout bounds it; the log flush
        // comes after, when the container is disposed.
        Assert.IsLessThan(hostStop, alertDrain);
        var budget = preStop + hostStop + logFlush;
        var grace = TimeSpan.FromSeconds(pod["terminationGracePeriodSeconds"]!.GetValue<int>());
        Assert.IsGreaterThan(budget, grace, $"grace {grace} against preStop {preStop} + host stop {hostStop} + log flush {logFlush}");
    }

    private static KubernetesValidation Objects(string variant) => KubernetesManifests.Validate(KubernetesRenderer.ManifestFiles(variant));

    private static JsonNode Container(KubernetesValidation objects) =>
        objects.One("Deployment").Body["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Single()!;

    private static TimeSpan SourceSeconds(string file, string field)
    {
        var source = File.ReadAllText(Path.Combine(StackContent.RepositoryRoot, "src", file));
        var match = new Regex(field + @" = TimeSpan\.FromSeconds\((\d+)\)").Match(source);
        Assert.IsTrue(match.Success, $"{file} declares {field}");
        return TimeSpan.FromSeconds(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
    }
}
