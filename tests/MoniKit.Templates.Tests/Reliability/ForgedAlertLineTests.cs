using MoniKit.Templates.Tests.Infrastructure;

namespace MoniKit.Templates.Tests.Reliability;

/// <summary>User input that reaches an alert can neither start a forged <c>ALERT</c> line on stderr nor send a terminal escape.</summary>
[TestClass]
public sealed class ForgedAlertLineTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task WebApi_PathWithLineBreakAndTerminalEscape_StaysOneEscapedAlertLine()
    {
        var project = await GeneratedProject.CreateAsync("monikit-webapi", "Forge", "--tests", "false", "--compose", "false");
        await project.BuildAsync();

        // Warn alerts, so that a 404 for an unknown path (whose line names the path) raises one.
        await using var service = await project.StartAsync(new Dictionary<string, string?> { ["MoniKit__Slack__MinLevel"] = "Warn" });
        using var response = await service.Client.GetAsync("/x%0d%0aALERT%20[forge]%20Fatal:%20FORGED%1b[2J", TestContext.CancellationToken);
        await service.StopAsync();

        var stderr = service.ErrorLines;
        foreach (var line in stderr)
        {
            TestContext.WriteLine(line);
        }

        Assert.AreEqual(404, (int)response.StatusCode);
        var alerts = stderr.Where(l => l.Contains("FORGED", StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, alerts, "the input made more than one line");
        StringAssert.StartsWith(alerts[0], "ALERT [forge] Warn: HTTP GET /x\\r\\nALERT [forge] Fatal: FORGED\\u001b[2J");
        Assert.IsFalse(stderr.Any(l => l.StartsWith("ALERT [forge] Fatal", StringComparison.Ordinal)), "a forged ALERT line");
        Assert.IsFalse(stderr.Any(l => l.Contains('\u001b', StringComparison.Ordinal)), "a terminal escape reached stderr");
    }
}
