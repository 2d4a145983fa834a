using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MoniKit.Testing;

namespace MoniKitService.Tests;

/// <summary>Keeps the job's log lines in the MoniKit schema as the job changes.</summary>
[TestClass]
public sealed class CleanupJobTests
{
    [TestMethod]
    public async Task CleanupJob_Run_LogsOneConformantSuccessfulJobLine()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // A free loopback port, so the test never collides with a worker running on this machine.
            ["MoniKit:Management:Host"] = "127.0.0.1",
            ["MoniKit:Management:Port"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.AddMoniKit();
        var capture = builder.Services.AddMoniKitLogCapture();
        builder.AddMoniKitJob<CleanupJob>(TimeSpan.FromMinutes(1));
        using var host = builder.Build();

        await host.StartAsync();
        var line = await capture.WaitForLineAsync(l => l.GetProperty("monikit.kind").GetString() == "job");
        await host.StopAsync();

        Assert.AreEqual("cleanup", line.GetProperty("monikit.job.name").GetString());
        Assert.AreEqual("success", line.GetProperty("event.outcome").GetString());
        LogAssert.Conforms(capture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
