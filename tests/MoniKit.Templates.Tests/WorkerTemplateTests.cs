using System.Globalization;
using System.Net;
using System.Text.Json;
using MoniKit.Templates.Tests.Infrastructure;
using MoniKit.Testing;

namespace MoniKit.Templates.Tests;

[TestClass]
public sealed class WorkerTemplateTests
{
    [TestMethod]
    public async Task Worker_DefaultOptions_RunsJobsServesMetricsAndLoadsNoAspNetCore()
    {
        var project = await GeneratedProject.CreateAsync("monikit-worker", "Billing");
        StringAssert.Contains(project.Read("src/Billing/Dockerfile"), "FROM mcr.microsoft.com/dotnet/runtime:10.0");
        Assert.IsFalse(project.Read("src/Billing/Dockerfile").Contains("aspnet", StringComparison.OrdinalIgnoreCase));
        Assert.IsTrue(project.Exists("tests/Billing.Tests/Billing.Tests.csproj"));
        await project.BuildAsync();
        AssertNoAspNetCoreFramework(project);

        var port = FreePort.Next();
        await using (var service = await project.StartAsync(WorkerEnvironment(port), "/ping", port))
        {
            var metrics = await WaitForMetricsAsync(service, "monikit_job_runs_total{");
            StringAssert.Contains(metrics, "job=\"cleanup\"");
            StringAssert.Contains(metrics, "outcome=\"success\"");
            StringAssert.Contains(metrics, "monikit_job_last_success_timestamp_seconds{");
            using var alive = await service.Client.GetAsync("/alive");
            Assert.AreEqual(HttpStatusCode.OK, alive.StatusCode);

            var maps = await File.ReadAllTextAsync($"/proc/{await ProcessIdAsync(service)}/maps");
            StringAssert.Contains(maps, "MoniKit.Hosting.dll", "The check must see the worker's own assemblies.");
            Assert.IsFalse(maps.Contains("Microsoft.AspNetCore", StringComparison.Ordinal), "An ASP.NET Core assembly is loaded in the worker.");

            await WaitForJobLinesAsync(service, 2);
            await service.StopAsync();

            var files = LogLines.FromFiles(service.LogDirectory);
            LogAssert.Conforms(files);

            // Outside Development the console shows Warning and up; the routine job lines are in the file only.
            Assert.IsFalse(
                service.OutputLines.Any(l => l.Contains("\"monikit.kind\":\"job\"", StringComparison.Ordinal)),
                "Routine job lines on the console:\n" + string.Join('\n', service.OutputLines));
            var jobs = LogLines.ParseAll(files, "log files").Where(l => l.Get("monikit.kind") == "job").ToList();
            Assert.IsGreaterThanOrEqualTo(2, jobs.Count);
            Assert.AreEqual(jobs.Count, jobs.Select(l => l.Get("trace.id")).Distinct().Count(), "one job line per run, each run with its own trace id");
            foreach (var job in jobs)
            {
                Assert.AreEqual("billing", job.Get("service.name"));
                Assert.AreEqual("cleanup", job.Get("monikit.job.name"));
                Assert.AreEqual("info", job.Get("log.level"));
                Assert.IsNotNull(job.Get("event.duration"));
                Assert.IsNotNull(job.Get("monikit.job.next_run"));
            }

            var scrapes = files.Where(l => l.Contains("GET /metrics", StringComparison.Ordinal) && l.Contains("\"log.level\":\"info\"", StringComparison.Ordinal)).ToList();
            Assert.IsEmpty(scrapes, "Scrapes are logged at Info:\n" + string.Join('\n', scrapes));
        }

        StringAssert.Contains(await project.TestAsync(), "Passed!");
        StringAssert.Contains(project.Read("docker-compose.yml"), "9464:9464");
        StringAssert.Contains(project.Read("monitoring/prometheus/targets/Billing.yml"), "billing:9464");
    }

    [TestMethod]
    [DataRow("--tests", "false", "--compose", "false")]
    [DataRow("--service-name", "billing-worker", "--slack-channel", "#billing-alerts", "--metrics-port", "9599")]
    public async Task Worker_OptionRow_BuildsAndHonoursOptions(params string[] options)
    {
        var project = await GeneratedProject.CreateAsync("monikit-worker", "Payroll", options);
        var withTests = !options.Contains("--tests");
        var withCompose = !options.Contains("--compose");
        Assert.AreEqual(withTests, project.Exists("tests/Payroll.Tests/Payroll.Tests.csproj"));
        Assert.AreEqual(withTests, project.Read("Payroll.slnx").Contains("Payroll.Tests", StringComparison.Ordinal));
        Assert.IsFalse(project.Exists("Payroll.NoTests.slnx"));
        Assert.IsFalse(project.Files().Any(f => f.Contains("MoniKitService", StringComparison.Ordinal)), string.Join('\n', project.Files()));
        await project.BuildAsync();
        AssertNoAspNetCoreFramework(project);

        var settings = JsonDocument.Parse(project.Read("src/Payroll/appsettings.json"), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement.GetProperty("MoniKit");
        var customised = options.Contains("--service-name");
        var metricsPort = customised ? 9599 : 9464;
        Assert.AreEqual(customised ? "billing-worker" : "payroll", settings.GetProperty("ServiceName").GetString());
        Assert.AreEqual(metricsPort, settings.GetProperty("Management").GetProperty("Port").GetInt32());
        StringAssert.Contains(project.Read("src/Payroll/Dockerfile"), $"EXPOSE {metricsPort}");
        if (customised)
        {
            Assert.AreEqual("#billing-alerts", settings.GetProperty("Slack").GetProperty("Channel").GetString());
        }
        else
        {
            Assert.IsFalse(settings.TryGetProperty("Slack", out _));
        }

        var port = FreePort.Next();
        await using var service = await project.StartAsync(WorkerEnvironment(port), "/ping", port);
        StringAssert.Contains(await WaitForMetricsAsync(service, "monikit_job_runs_total{"), "job=\"cleanup\"");
        Assert.AreEqual(withCompose, project.Exists("docker-compose.yml"));
        Assert.AreEqual(withCompose, project.Exists("monitoring"));
        if (withCompose)
        {
            StringAssert.Contains(project.Read("docker-compose.yml"), $"{metricsPort}:{metricsPort}");
        }
    }

    [TestMethod]
    public async Task Worker_Help_DescribesEveryOption()
    {
        await TemplatePack.EnsureInstalledAsync();
        var help = await TemplatePack.DotnetNewAsync(TemplatePack.WorkRoot, "monikit-worker", "--help");
        Assert.AreEqual(0, help.ExitCode, help.Output);
        foreach (var option in new[] { "--service-name", "--metrics-port", "--slack-channel", "--tests", "--compose", "--package-source", "--no-restore" })
        {
            StringAssert.Contains(help.Output, option);
        }
    }

    private static Dictionary<string, string?> WorkerEnvironment(int port) => new()
    {
        ["MoniKit__Management__Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["MoniKit__Management__Host"] = "127.0.0.1",
        ["MoniKit__Jobs__Intervals__cleanup"] = "00:00:01",
    };

    private static void AssertNoAspNetCoreFramework(GeneratedProject project)
    {
        var output = Path.Combine(project.ServiceDirectory, "bin", "Release", "net10.0");
        var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, project.Name + ".runtimeconfig.json"))).RootElement.GetProperty("runtimeOptions");
        var frameworks = runtimeConfig.TryGetProperty("frameworks", out var many)
            ? many.EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList()
            : [runtimeConfig.GetProperty("framework").GetProperty("name").GetString()];
        CollectionAssert.AreEqual(new[] { "Microsoft.NETCore.App" }, frameworks);
        var deps = File.ReadAllText(Path.Combine(output, project.Name + ".deps.json"));
        Assert.IsFalse(deps.Contains("Microsoft.AspNetCore", StringComparison.Ordinal), "deps.json names an ASP.NET Core package");
    }

    private static async Task<string> WaitForMetricsAsync(RunningService service, string expected)
    {
        var text = string.Empty;
        for (var attempt = 0; attempt < 150 && !text.Contains(expected, StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(200);
            text = await service.Client.GetStringAsync("/metrics");
        }

        StringAssert.Contains(text, expected);
        return text;
    }

    private static async Task WaitForJobLinesAsync(RunningService service, int count)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (LogLines.FromFiles(service.LogDirectory).Count(l => l.Contains("\"monikit.kind\":\"job\"", StringComparison.Ordinal)) >= count)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Fewer than {count} job lines within 30 s:\n" + string.Join('\n', service.OutputLines));
    }

    private static async Task<int> ProcessIdAsync(RunningService service)
    {
        using var env = JsonDocument.Parse(await service.Client.GetStringAsync("/env"));
        return Find(env.RootElement) ?? throw new AssertFailedException("/env reports no processId");

        static int? Find(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "processId")
                {
                    return property.Value.GetInt32();
                }

                if (Find(property.Value) is { } found)
                {
                    return found;
                }
            }

            return null;
        }
    }
}
