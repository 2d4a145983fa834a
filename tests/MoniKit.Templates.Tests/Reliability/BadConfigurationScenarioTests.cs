using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MoniKit.Templates.Tests.Infrastructure;

namespace MoniKit.Templates.Tests.Reliability;

/// <summary>
/// A bad setting, as a user makes one: the service stops at once with one line that names the key and the reason,
/// before any stack trace, and a plain exit code (78, EX_CONFIG), never the runtime's abort (134).
/// </summary>
[TestClass]
public sealed class BadConfigurationScenarioTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("monikit-webapi", "MoniKit__Http__MaxBodyBytes", "-5", "MoniKit:Http:MaxBodyBytes must be between 0 and 1048576 (was -5)")]
    [DataRow("monikit-webapi", "MoniKit__Management__Host", "metrics.internal", "MoniKit:Management:Host must be '*', 'localhost' or an IP address of this machine (was 'metrics.internal')")]
    [DataRow("monikit-worker", "MoniKit__Jobs__Intervals__cleanup", "00:00:00", "MoniKit:Jobs:Intervals:cleanup must be a positive time span")]
    [DataRow("monikit-data", "MoniKit__Data__SlowQueryThresholdMs", "-1", "MoniKit:Data:SlowQueryThresholdMs must be 0 or more (was -1)")]
    public async Task Service_BadValue_OneClearFirstLineAndExit78(string template, string variable, string value, string reason)
    {
        var project = await ReliabilityProjects.ForTemplateAsync(template);

        var result = await RunAsync(project, new() { [variable] = value });

        AssertClearFailure(result, "The service cannot start: " + reason, alertsFirst: false);
    }

    [TestMethod]
    public async Task WebApi_ManagementPortInUse_OneClearFirstLineNamingThePortKey()
    {
        var project = await ReliabilityProjects.WebApiAsync();
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var result = await RunAsync(project, new() { ["MoniKit__Management__Port"] = port });

        // The host logged its failure before the exception reached Main, and with no webhook set the alert of that
        // Error line goes to stderr too; what follows is the one line and the stack trace.
        AssertClearFailure(result, $"The service cannot start: MoniKit:Management:Port {port} cannot be listened on at http://127.0.0.1:{port}: the port is in use", alertsFirst: true);
    }

    [TestMethod]
    public async Task WebApi_KeyNoPackageReads_StartsAndWarnsOnceNamingIt()
    {
        var project = await ReliabilityProjects.WebApiAsync();
        var logs = ReliabilityProjects.NewLogDirectory();
        await using var service = await project.StartAsync(new Dictionary<string, string?>
        {
            ["MoniKit__Data__SlowQueryThresholdMs"] = "50",
            ["MoniKit__Logging__Directory"] = logs,
        });
        await service.StopAsync();

        const string Warning = "MoniKit configuration keys that no MoniKit package of this service reads (misspelled, or for a MoniKit package it does not use): MoniKit:Data:SlowQueryThresholdMs";
        var lines = LogLines.ParseAll(LogLines.FromFiles(logs), "log files");
        Assert.AreEqual(1, lines.Count(l => l.Get("message") == Warning), string.Join('\n', LogLines.FromFiles(logs)));
        Assert.AreEqual(1, service.OutputLines.Count(l => l.Contains(Warning, StringComparison.Ordinal)), "the console shows the warning too");
    }

    private async Task<ProcessResult> RunAsync(GeneratedProject project, Dictionary<string, string?> settings)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["MoniKit__Management__Host"] = "127.0.0.1",
            ["MoniKit__Logging__Directory"] = ReliabilityProjects.NewLogDirectory(),
        };
        if (project.Name == "Ledger")
        {
            // A worker always has a management port; the web API only when asked.
            environment["MoniKit__Management__Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            environment.Remove("MoniKit__Management__Host");
        }

        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        var result = await ProcessRunner.RunAsync("dotnet", [ReliabilityProjects.Dll(project)], project.ServiceDirectory, environment, TimeSpan.FromSeconds(60));
        TestContext.WriteLine($"exit {result.ExitCode}; stderr:\n{result.StandardError}");
        return result;
    }

    private static void AssertClearFailure(ProcessResult result, string expectedStart, bool alertsFirst)
    {
        var stderr = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !alertsFirst || !l.TrimStart().StartsWith("ALERT ", StringComparison.Ordinal))
            .ToList();
        Assert.AreEqual(78, result.ExitCode, result.Output);
        Assert.IsGreaterThanOrEqualTo(2, stderr.Count, result.Output);
        StringAssert.StartsWith(stderr[0], expectedStart, result.Output);
        StringAssert.StartsWith(stderr[1], "Unhandled exception. ", "the stack trace follows the first line");
    }
}
