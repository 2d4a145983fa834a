using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MoniKit.Testing;

namespace MoniKitService.Tests;

/// <summary>Keeps the service's log lines in the MoniKit schema as the service changes.</summary>
[TestClass]
public sealed class LogConformanceTests
{
    [TestMethod]
    public async Task GetOrder_LogsConformantRequestLineWithRouteTemplate()
    {
        LogCapture? capture = null;
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.ConfigureServices(services => capture = services.AddMoniKitLogCapture()));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/orders/42");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var line = await capture!.WaitForLineAsync(l => l.GetProperty("monikit.kind").GetString() == "http.inbound");
        Assert.AreEqual("/orders/{id:int}", line.GetProperty("http.route").GetString());
        LogAssert.Conforms(capture);
    }

    [TestMethod]
    public async Task UnhandledException_ReturnsProblemDetailsAndLogsOneError()
    {
        LogCapture? capture = null;
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.ConfigureServices(services => capture = services.AddMoniKitLogCapture()));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/demo/failure");

        Assert.AreEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var line = await capture!.WaitForLineAsync(l => l.GetProperty("monikit.kind").GetString() == "exception");
        Assert.AreEqual("System.InvalidOperationException", line.GetProperty("error.type").GetString());
        LogAssert.Conforms(capture);
    }
}
