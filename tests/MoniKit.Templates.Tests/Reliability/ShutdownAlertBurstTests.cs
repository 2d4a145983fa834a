using System.Text.Json;
using System.Text.RegularExpressions;
using MoniKit.Templates.Tests.Infrastructure;

namespace MoniKit.Templates.Tests.Reliability;

/// <summary>
/// 50 distinct alerts, a Slack that takes 2 s per answer, SIGTERM after 1 s: every alert is either delivered or in
/// <c>logs/alerts.json</c>, and the last line on standard error accounts for all 50.
/// </summary>
[TestClass]
public sealed partial class ShutdownAlertBurstTests
{
    private const int Routes = 50;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task WebApi_50DistinctAlertsAtSigtermWithASlowSlack_EveryAlertDeliveredOrInTheAlertsFile()
    {
        await using var sink = new SlackSink { AnswerDelay = TimeSpan.FromSeconds(2) };
        var project = await GeneratedProject.CreateAsync("monikit-webapi", "Burst", "--tests", "false", "--compose", "false");

        // 50 distinct error groups need 50 routes; the generated service itself stays as the template wrote it.
        var program = Path.Combine(project.ServiceDirectory, "Program.cs");
        var code = File.ReadAllText(program).Replace("app.Run();", """
            for (var i = 0; i < 50; i++)
            {
                app.MapGet($"/scenario/{i}", string () => throw new InvalidOperationException("Scenario failure"));
            }

            app.Run();
            """, StringComparison.Ordinal);
        File.WriteAllText(program, code);
        await project.BuildAsync();
        await using var service = await project.StartAsync(new Dictionary<string, string?> { ["MoniKit__Slack__WebhookUrl"] = sink.WebhookUrl.ToString() });

        await Task.WhenAll(Enumerable.Range(0, Routes).Select(async i =>
        {
            using var response = await service.Client.GetAsync($"/scenario/{i}", TestContext.CancellationToken);
        }));
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.CancellationToken);
        await service.StopAsync();

        var delivered = sink.Requests.Select(r => r.Text).ToList();
        var alertsFile = Path.Combine(service.LogDirectory, "alerts.json");
        var kept = File.Exists(alertsFile) ? File.ReadAllLines(alertsFile).Select(l => JsonDocument.Parse(l).RootElement).ToList() : [];
        var exit = service.ErrorLines.LastOrDefault(l => l.StartsWith("MoniKit alerts: ", StringComparison.Ordinal)) ?? string.Empty;
        TestContext.WriteLine($"sink received {delivered.Count}, alerts.json has {kept.Count} lines; {exit}");
        for (var i = 0; i < Routes; i++)
        {
            var route = $"/scenario/{i} failed";
            Assert.IsTrue(
                delivered.Any(t => t.Contains(route, StringComparison.Ordinal)) || kept.Any(l => l.GetProperty("message").GetString()!.Contains(route, StringComparison.Ordinal)),
                $"the alert of {route} is neither in Slack nor in alerts.json");
        }

        var account = ExitRegex().Match(exit);
        Assert.IsTrue(account.Success, exit);
        Assert.AreEqual("50", account.Groups["events"].Value);
        Assert.AreEqual(50, int.Parse(account.Groups["delivered"].Value) + int.Parse(account.Groups["local"].Value), exit);
        Assert.AreEqual("0", account.Groups["dropped"].Value, exit);
        Assert.DoesNotContain("unaccounted", exit);
        Assert.AreEqual(int.Parse(account.Groups["local"].Value), kept.Count(l => l.GetProperty("monikit.alert.kind").GetString() == "alert"));
    }

    [GeneratedRegex(@"^MoniKit alerts: (?<events>\d+) events: (?<delivered>\d+) delivered to Slack \(\d+ messages?\), (?<local>\d+) written to \S+alerts\.json \([^)]*\), (?<dropped>\d+) dropped")]
    private static partial Regex ExitRegex();
}
