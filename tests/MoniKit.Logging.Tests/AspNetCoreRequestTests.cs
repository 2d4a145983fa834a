using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoniKit.Testing;

namespace MoniKit.Logging.Tests;

/// <summary>What a request served by Kestrel writes: ASP.NET Core's own scopes and a service's properties together.</summary>
[TestClass]
public sealed class AspNetCoreRequestTests
{
    [TestMethod]
    public async Task RequestOnKestrel_EcsNamedPropertiesAndOwnScope_NoFrameworkScopeFieldsNoConflictNothingLost()
    {
        using var test = new TestHost();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "Orders",
            ContentRootPath = test.ContentRoot,
            EnvironmentName = "Production",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MoniKit:Logging:Console"] = "None",
            ["Logging:LogLevel:Default"] = "Information",
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePort.Next()}");
        builder.AddMoniKitLogging();
        var capture = builder.Services.AddMoniKitLogCapture();
        await using var app = builder.Build();
        app.MapGet("/orders/{id:int}", (int id, HttpContext http, ILogger<AspNetCoreRequestTests> logger) =>
        {
#pragma warning disable CA1727 // Lower-case names that ECS uses for objects are what this test is about.
            logger.LogInformation("{user} {host} {url} {error} {OrderId}", "bob", "db-1", "/elsewhere", "none", id);
#pragma warning restore CA1727
            using (logger.BeginScope(new Dictionary<string, object?> { ["RequestId"] = "mine" }))
            {
                logger.LogInformation("inside an own scope");
            }

            return http.TraceIdentifier;
        });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var traceIdentifier = await client.GetStringAsync(new Uri("/orders/42", UriKind.Relative));

        var line = await capture.WaitForMessageAsync("bob db-1 /elsewhere none 42");
        var own = await capture.WaitForMessageAsync("inside an own scope");
        await app.StopAsync();
        Assert.AreEqual("bob", line.GetProperty("labels.user").GetString());
        Assert.AreEqual("db-1", line.GetProperty("labels.host").GetString());
        Assert.AreEqual("/elsewhere", line.GetProperty("labels.url").GetString());
        Assert.AreEqual("none", line.GetProperty("labels.error").GetString());
        Assert.AreEqual(42, line.GetProperty("OrderId").GetInt32());
        Assert.AreEqual(traceIdentifier, line.GetProperty(LogFields.HttpRequestId).GetString());
        Assert.AreEqual(traceIdentifier, own.GetProperty(LogFields.HttpRequestId).GetString());
        Assert.AreEqual("mine", own.GetProperty("RequestId").GetString(), "A service's own scope keeps its field.");
        foreach (var entry in capture.Entries)
        {
            Assert.IsFalse(entry.TryGetProperty("RequestPath", out _), entry.ToString());
            Assert.IsFalse(entry.TryGetProperty("ConnectionId", out _), entry.ToString());
            Assert.IsTrue(!entry.TryGetProperty("RequestId", out _) || entry.Equals(own) || entry.GetProperty("RequestId").GetString() == "mine", entry.ToString());
        }

        LogAssert.Conforms(capture);
        LogAssert.FileConforms(test.LogFile);
    }
}
