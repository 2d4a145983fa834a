using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MoniKit.Testing.Tests;

[TestClass]
public sealed class LogCaptureTests
{
    [TestMethod]
    public async Task AddMoniKitLogCapture_PlainHost_CapturesConformingLines()
    {
        var root = Directory.CreateTempSubdirectory("monikit-testing-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "Billing", ContentRootPath = root });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MoniKit:Logging:Console"] = "None" });
        builder.AddMoniKitLogging();
        var capture = builder.Services.AddMoniKitLogCapture();
        Assert.AreSame(capture, builder.Services.AddMoniKitLogCapture());
        using var host = builder.Build();
        await host.StartAsync();
        var logger = host.Services.GetRequiredService<ILogger<LogCaptureTests>>();
        using (var activity = new Activity("job").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            logger.LogInformation("invoice {InvoiceId} sent", 7);
            var line = await capture.WaitForLineAsync(e => e.TryGetProperty("InvoiceId", out var id) && id.GetInt32() == 7);
            Assert.AreEqual("billing", line.GetProperty("service.name").GetString());
            Assert.AreEqual(activity.TraceId.ToHexString(), line.GetProperty("trace.id").GetString());
        }

        Assert.AreEqual(1, capture.Lines.Count(l => l.Contains("invoice 7 sent", StringComparison.Ordinal)));
        LogAssert.Conforms(capture);
        await host.StopAsync();
        LogAssert.FileConforms(Path.Combine(root, "logs", "billing.json"));
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public async Task WaitForLineAsync_NoMatch_ThrowsTimeoutListingLines()
    {
        var capture = new ServiceCollection().AddMoniKitLogCapture();
        await Assert.ThrowsExactlyAsync<TimeoutException>(() => capture.WaitForLineAsync(_ => false, TimeSpan.FromMilliseconds(100)));
    }

    [TestMethod]
    public async Task AddMoniKitLogCapture_WebApplicationOnLoopback_CapturesRequestLogging()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "Shop",
            ContentRootPath = Directory.CreateTempSubdirectory("monikit-testing-").FullName,
            EnvironmentName = "Production",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MoniKit:Logging:Console"] = "None",
            ["Logging:LogLevel:Default"] = "Information",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddMoniKitLogging();
        var capture = builder.Services.AddMoniKitLogCapture();
        await using var app = builder.Build();
        app.MapGet("/orders/{id}", (int id, ILogger<LogCaptureTests> logger) =>
        {
            logger.LogInformation("order {OrderId} read", id);
            return id;
        });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Assert.AreEqual("42", await client.GetStringAsync(new Uri("/orders/42", UriKind.Relative)));

        var line = await capture.WaitForMessageAsync("order 42 read");
        Assert.AreEqual("shop", line.GetProperty("service.name").GetString());
        Assert.IsTrue(line.TryGetProperty("trace.id", out _), "A line written inside a request carries the trace id.");
        await app.StopAsync();
        LogAssert.Conforms(capture);
    }
}
