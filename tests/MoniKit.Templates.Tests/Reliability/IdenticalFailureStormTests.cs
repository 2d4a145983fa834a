using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MoniKit.Templates.Tests.Infrastructure;

namespace MoniKit.Templates.Tests.Reliability;

/// <summary>200 identical failures of one endpoint make at most 3 Slack messages, which account for all 200.</summary>
[TestClass]
public sealed partial class IdenticalFailureStormTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task WebApi_200IdenticalFailures_AtMostThreeSlackMessagesAccountingForAll()
    {
        await using var sink = new SlackSink();
        var project = await GeneratedProject.CreateAsync("monikit-webapi", "Storm", "--tests", "false", "--compose", "false");
        await project.BuildAsync();
        await using var service = await project.StartAsync(new Dictionary<string, string?> { ["MoniKit__Slack__WebhookUrl"] = sink.WebhookUrl.ToString() });

        for (var i = 0; i < 200; i++)
        {
            using var response = await service.Client.GetAsync("/demo/failure", TestContext.CancellationToken);
            Assert.AreEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        }

        await sink.WaitForAsync(r => r.Count > 0, TimeSpan.FromSeconds(10));
        await service.StopAsync();

        var requests = sink.Requests;
        foreach (var request in requests)
        {
            TestContext.WriteLine($"{request.ArrivedAt:HH:mm:ss.fff} {request.Answer} {request.Text}");
        }

        var exit = service.ErrorLines.LastOrDefault(l => l.StartsWith("MoniKit alerts: ", StringComparison.Ordinal));
        TestContext.WriteLine(exit);
        Assert.IsTrue(requests.Count is >= 1 and <= 3, $"{requests.Count} Slack messages for 200 identical failures");
        Assert.AreEqual(200, requests.Sum(Count), "the messages account for every failure");
        Assert.AreEqual("MoniKit alerts: 200 events: 200 delivered to Slack (" + requests.Count + " message" + (requests.Count == 1 ? "" : "s") + "), 0 dropped", exit);
    }

    private static long Count(SlackSinkRequest request) =>
        MoreRegex().Match(request.Text) is { Success: true } more ? long.Parse(more.Groups[1].Value, CultureInfo.InvariantCulture) : 1;

    [GeneratedRegex(@"^\*\+(\d+) more in the last")]
    private static partial Regex MoreRegex();
}
