namespace MoniKit.AspNetCore.Tests;

[TestClass]
public sealed class UnusedConfigurationKeysTests
{
    private const string Warning = "MoniKit configuration keys that no MoniKit package of this service reads";

    [TestMethod]
    public async Task AddMoniKit_KeysNoPackageReads_WarnedOnceByName()
    {
        await using var app = await TestApp.StartAsync(_ => { }, new Dictionary<string, string?>
        {
            ["MoniKit:Data:SlowQueryThresholdMs"] = "100",
            ["MoniKit:Http:CaptureBodyy"] = "true",
            ["MoniKit:Http:CaptureBody"] = "false",
            ["MoniKit:Slack:Channel"] = "#orders",
            ["MoniKit:Management:BearerToken"] = "t0ken-value-not-logged",
            ["MoniKit:Logging:Directory"] = Path.GetTempPath(),
        });

        var line = await app.Capture.WaitForMessageAsync(Warning);
        await app.App.StopAsync();

        Assert.AreEqual("warn", line.Text("log.level"));
        Assert.AreEqual(
            Warning + " (misspelled, or for a MoniKit package it does not use): MoniKit:Data:SlowQueryThresholdMs, MoniKit:Http:CaptureBodyy",
            line.Text("message"));
        Assert.AreEqual(1, app.Capture.Lines.Count(l => l.Contains(Warning, StringComparison.Ordinal)));
        Assert.IsFalse(app.Capture.Lines.Any(l => l.Contains("t0ken-value-not-logged", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task AddMoniKit_EveryKeyRead_NoWarning()
    {
        await using var app = await TestApp.StartAsync(web => web.MapGet("/ping-app", () => "ok"), new Dictionary<string, string?>
        {
            ["MoniKit:Http:SlowRequestThresholdMs"] = "500",
            ["MoniKit:Metrics:MaxSeriesPerMetric"] = "100",
            ["MoniKit:Management:HealthPath"] = "/healthz",
            ["MoniKit:Slack:GroupWindow"] = "00:01:00",
        });

        (await app.Client.GetAsync("/ping-app")).Dispose();
        await app.Capture.WaitForLineAsync(l => l.Text("url.path") == "/ping-app");
        await app.App.StopAsync();

        Assert.IsFalse(app.Capture.Lines.Any(l => l.Contains(Warning, StringComparison.Ordinal)), string.Join('\n', app.Capture.Lines));
    }
}
