using System.Net;
using MoniKit.Testing;

namespace MoniKit.AspNetCore.Tests;

/// <summary>A team's own NLog target, configured in the NLog section, with NLog.Web.AspNetCore's layout renderers.</summary>
[TestClass]
public sealed class NLogSectionTests
{
    [TestMethod]
    public async Task AddMoniKit_NLogSectionFileTargetWithAspNetRenderers_WritesRequestMethodAndUrlAndMoniKitsFileGetsEveryLine()
    {
        var extra = Path.Combine(Path.GetTempPath(), "monikit-aspnetcore-tests", Guid.NewGuid().ToString("N"), "requests.log");
        string logDirectory;
        await using (var app = await TestApp.StartAsync(
            web => web.MapGet("/orders/{id:int}", (int id) => Results.Ok(new { id })),
            new Dictionary<string, string?>
            {
                ["NLog:targets:requests:type"] = "File",
                ["NLog:targets:requests:fileName"] = extra,
                ["NLog:targets:requests:layout"] = "${aspnet-request-method} ${aspnet-request-url}",
                ["NLog:rules:0:logger"] = "MoniKit.*",
                ["NLog:rules:0:minLevel"] = "Info",
                ["NLog:rules:0:writeTo"] = "requests",
            }))
        {
            logDirectory = app.LogDirectory;
            for (var i = 1; i <= 10; i++)
            {
                using var response = await app.Client.GetAsync($"/orders/{i}");
                Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
            }
        }

        var requests = File.ReadAllLines(extra);
        CollectionAssert.AreEqual(Enumerable.Range(1, 10).Select(i => $"GET http://localhost/orders/{i}").ToArray(), requests);
        var file = Path.Combine(logDirectory, "orders.api.json");
        LogAssert.FileConforms(file);
        var inbound = File.ReadAllLines(file).Count(l => l.Contains("\"http.inbound\"", StringComparison.Ordinal));
        Assert.AreEqual(10, inbound, "MoniKit's own file still has every request line");
    }
}
