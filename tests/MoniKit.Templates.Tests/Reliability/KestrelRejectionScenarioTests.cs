using MoniKit.Templates.Tests.Infrastructure;
using MoniKit.Testing;

namespace MoniKit.Templates.Tests.Reliability;

/// <summary>
/// Requests Kestrel rejects before the application sees them (431 for huge headers, 400 for bytes that are not HTTP)
/// each leave an <c>http.inbound</c> line in a generated webapi's log file, and the rejected text, which may hold a
/// secret, appears nowhere.
/// </summary>
[TestClass]
public sealed class KestrelRejectionScenarioTests
{
    private const string Secret = "rej3cted-s3cret-5e8a";

    [TestMethod]
    public async Task WebApi_RejectedRequests_EachLeaveALineWithTheStatusAndNoRawText()
    {
        var project = await ReliabilityProjects.WebApiAsync();
        var logs = ReliabilityProjects.NewLogDirectory();
        await using var service = await project.StartAsync(new Dictionary<string, string?> { ["MoniKit__Logging__Directory"] = logs });

        var huge = await RawHttp.SendAsync(service.Port, $"GET /orders/1 HTTP/1.1\r\nHost: localhost\r\nCookie: session={string.Concat(Enumerable.Repeat(Secret, 4_000))}\r\n\r\n");
        var badHeader = await RawHttp.SendAsync(service.Port, $"GET /orders/1 HTTP/1.1\r\nHost: localhost\r\nAuthorization Bearer {Secret}\r\n\r\n");
        var badLine = await RawHttp.SendAsync(service.Port, $"\u0016\u0003\u0001{Secret}\r\n\r\n");
        await service.StopAsync();

        StringAssert.StartsWith(huge, "HTTP/1.1 431");
        StringAssert.StartsWith(badHeader, "HTTP/1.1 400");
        StringAssert.StartsWith(badLine, "HTTP/1.1 400");
        var files = LogLines.FromFiles(logs);
        LogAssert.Conforms(files);
        var rejected = LogLines.ParseAll(files, "log files")
            .Where(l => l.Get("monikit.kind") == "http.inbound" && l.Get("message")?.StartsWith("HTTP request rejected by Kestrel", StringComparison.Ordinal) == true)
            .Select(l => (Status: l.Get("http.response.status_code"), Level: l.Get("log.level")))
            .ToList();
        CollectionAssert.AreEqual(new[] { ("431", "warn"), ("400", "warn"), ("400", "warn") }, rejected, string.Join('\n', files));
        var everything = files.Concat(service.OutputLines).Concat(service.ErrorLines).ToList();
        Assert.IsFalse(everything.Any(l => l.Contains(Secret, StringComparison.Ordinal)), "the rejected text was written:\n" + string.Join('\n', everything.Where(l => l.Contains(Secret, StringComparison.Ordinal))));
    }
}
