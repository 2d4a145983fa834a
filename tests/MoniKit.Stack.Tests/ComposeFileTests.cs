using System.Text.RegularExpressions;

namespace MoniKit.Stack.Tests;

[TestClass]
public sealed class ComposeFileTests
{
    private const string SampleEnv = "GRAFANA_ADMIN_PASSWORD=sample-only\nPOSTGRES_PASSWORD=sample-only\n";

    public static IEnumerable<object[]> Variants => TemplateRenderer.Variants.Select(v => new object[] { v });

    [TestMethod]
    public void DockerComposeConfig_CommittedFileWithSampleEnv_IsValid()
    {
        var config = ComposeConfig(StackContent.Stack, File.ReadAllText(Path.Combine(StackContent.Stack, "monikit.env")));

        config.EnsureSuccess();
        StringAssert.Contains(config.StandardOutput, "monikit-service:", "the committed file is the webapi variant");
    }

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void DockerComposeConfig_RenderedVariantWithItsGeneratedEnv_IsValidAndBindsEveryPortToLoopback(string variant)
    {
        var rendered = TemplateRenderer.Render(variant);

        var config = ComposeConfig(rendered, File.ReadAllText(Path.Combine(rendered, ".env"))).EnsureSuccess();

        var published = config.StandardOutput.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("- ", StringComparison.Ordinal) && l.EndsWith("/tcp", StringComparison.Ordinal)).ToList();
        Assert.IsNotEmpty(published, config.StandardOutput);
        foreach (var port in published)
        {
            StringAssert.StartsWith(port, "- 127.0.0.1:", $"{variant}: every port is bound to loopback");
        }

        foreach (var service in new[] { "prometheus:", "alertmanager:", "grafana:", "loki:", "alloy:" })
        {
            StringAssert.Contains(config.StandardOutput, "  " + service, $"{variant} runs {service}");
        }

        Assert.AreEqual(variant != "stack", config.StandardOutput.Contains("\n  orders:", StringComparison.Ordinal), $"{variant}: the service itself");
        Assert.AreEqual(variant == "data-postgres", config.StandardOutput.Contains("\n  postgres:", StringComparison.Ordinal), $"{variant}: PostgreSQL");
        Assert.AreEqual(variant == "worker", config.StandardOutput.Contains("127.0.0.1:9465:9465/tcp", StringComparison.Ordinal), $"{variant}: worker metrics port");
        Assert.AreEqual(variant is "webapi" or "data-sqlite" or "data-postgres", config.StandardOutput.Contains("127.0.0.1:6080:8080/tcp", StringComparison.Ordinal), $"{variant}: HTTP port");
        Assert.DoesNotContain("monikit-service", config.StandardOutput, $"{variant}: the service name is replaced");
        Assert.AreEqual(variant == "stack", config.StandardOutput.Contains("host.docker.internal:host-gateway", StringComparison.Ordinal), $"{variant}: host gateway");
        StringAssert.Contains(config.StandardOutput, "/run/secrets/monikit:ro", $"{variant}: the secrets folder is mounted into Alertmanager");
        Assert.DoesNotContain("\nsecrets:", config.StandardOutput, $"{variant}: no compose secret whose file must exist before the first start");
    }

    [TestMethod]
    [DataRow("webapi")]
    [DataRow("worker")]
    [DataRow("stack")]
    public void DockerComposeConfig_TracesProfileOn_RunsTempoOnLoopbackAndSendsTheServiceSpansThere(string variant)
    {
        var rendered = TemplateRenderer.Render(variant);
        var env = File.ReadAllText(Path.Combine(rendered, ".env"));

        var on = ComposeConfig(rendered, env + "COMPOSE_PROFILES=traces\n").EnsureSuccess().StandardOutput;
        var off = ComposeConfig(rendered, env).EnsureSuccess().StandardOutput;

        var tempo = Service(on, "tempo");
        StringAssert.Contains(tempo, "image: grafana/tempo:3.0.3", "the image is pinned");
        StringAssert.Contains(tempo, "- traces", "Tempo belongs to the traces profile");
        StringAssert.Contains(tempo, "/tempo", "it has a healthcheck");
        foreach (var port in new[] { "4317", "4318", "3200" })
        {
            StringAssert.Contains(tempo, $"127.0.0.1:{port}:{port}/tcp", $"Tempo publishes {port} on loopback");
        }

        if (variant != "stack")
        {
            StringAssert.Contains(Service(on, "orders"), "OTEL_EXPORTER_OTLP_ENDPOINT: http://tempo:4318");
            StringAssert.Contains(Service(on, "orders"), "OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf");
            Assert.DoesNotContain("OTEL_", Service(off, "orders"), "without the profile the service exports nothing");
        }
    }

    [TestMethod]
    public void DockerComposeConfig_Prometheus_StoresExemplars()
    {
        var config = ComposeConfig(StackContent.Stack, File.ReadAllText(Path.Combine(StackContent.Stack, "monikit.env"))).EnsureSuccess();

        StringAssert.Contains(Service(config.StandardOutput, "prometheus"), "--enable-feature=exemplar-storage");
    }

    [TestMethod]
    public void DockerComposeConfig_NoGrafanaPassword_FailsNamingTheVariable()
    {
        var config = ComposeConfig(StackContent.Stack, "POSTGRES_PASSWORD=sample-only\n");

        Assert.AreNotEqual(0, config.ExitCode, config.StandardOutput);
        StringAssert.Contains(config.Output, "GRAFANA_ADMIN_PASSWORD must be set");
    }

    [TestMethod]
    public void DockerComposeConfig_PostgresWithoutPassword_FailsNamingTheVariable()
    {
        var config = ComposeConfig(TemplateRenderer.Render("data-postgres"), "GRAFANA_ADMIN_PASSWORD=sample-only\n");

        Assert.AreNotEqual(0, config.ExitCode, config.StandardOutput);
        StringAssert.Contains(config.Output, "POSTGRES_PASSWORD must be set");
    }

    [TestMethod]
    public void DockerComposeConfig_BindAddressSet_PublishesThere()
    {
        var config = ComposeConfig(StackContent.Stack, SampleEnv + "MONIKIT_BIND_ADDRESS=0.0.0.0\n").EnsureSuccess();

        StringAssert.Contains(config.StandardOutput, "0.0.0.0:3000:3000/tcp");
        Assert.DoesNotContain("- 127.0.0.1:", config.StandardOutput);
    }

    /// <summary>One service's block of <c>docker-compose config</c> output.</summary>
    private static string Service(string config, string name)
    {
        var start = config.IndexOf($"\n  {name}:\n", StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, start, $"no service {name} in:\n{config}");
        var rest = config[(start + 3)..];
        var next = Regex.Match(rest, @"\n  [a-z][\w.-]*:\n|\n[a-z]");
        return next.Success ? rest[..next.Index] : rest;
    }

    private static ProcessResult ComposeConfig(string directory, string env)
    {
        var compose = DebianPrograms.Require("docker-compose", "docker-compose");
        var envFile = Path.Combine(StackContent.NewTemporaryDirectory("env"), ".env");
        File.WriteAllText(envFile, env);
        try
        {
            return ProcessRunner.Run(compose, ["--env-file", envFile, "-f", Path.Combine(directory, "docker-compose.yml"), "config"], directory);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(envFile)!, recursive: true);
        }
    }
}
