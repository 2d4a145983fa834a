using System.Diagnostics;
using System.Globalization;
using System.Net;
using MoniKit.Templates.Tests.Infrastructure;

namespace MoniKit.Templates.Tests.Reliability;

/// <summary>
/// A generated web API whose standard output goes to a pipe that nobody reads, as with <c>dotnet run &gt; &gt;(sleep
/// 1000)</c>: the log files must still get every line, and SIGTERM must end the service with exit code 0 within the
/// host's shutdown timeout, saying on standard error what the console did not get.
/// </summary>
[TestClass]
public sealed class UnreadStandardOutputTests
{
    private const int WarnRequests = 2_000;
    private const int InfoRequests = 5_000;
    private static readonly TimeSpan HostShutdownTimeout = TimeSpan.FromSeconds(30);

    [TestMethod]
    public async Task WebApi_StandardOutputNeverRead_FilesGetEveryLineAndSigtermExitsZeroWithTheLossOnStandardError()
    {
        DebianPrograms.Require("mkfifo", "coreutils");
        var project = await GeneratedProject.CreateAsync("monikit-webapi", "Orders");
        await project.BuildAsync();
        var fifo = Path.Combine(project.Directory, "stdout.fifo");
        ProcessRunner.Run("mkfifo", [fifo]).EnsureSuccess();
        var port = FreePort.Next();
        var dll = Path.Combine(project.ServiceDirectory, "bin", "Release", "net10.0", project.Name + ".dll");

        // Opened for reading and writing, the FIFO never blocks the opening; as nobody reads it, writes block once its
        // 64 KB are full, as with a pipe whose reader has stopped reading.
        await using var service = BackgroundProcess.Start(
            "bash",
            ["-c", "exec dotnet \"$0\" 1<>\"$1\"", dll, fifo],
            project.ServiceDirectory,
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            });
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilReadyAsync(client, service);

        var clock = Stopwatch.StartNew();
        await SendAsync(client, WarnRequests, i => $"/missing/{i}", HttpStatusCode.NotFound);
        await SendAsync(client, InfoRequests, i => $"/orders/{i + 1}", HttpStatusCode.OK);
        var load = clock.Elapsed;

        clock.Restart();
        await service.SignalAsync("TERM");
        Assert.IsTrue(await service.WaitForExitAsync(HostShutdownTimeout), "SIGTERM did not end the service within the host's shutdown timeout:\n" + service.Output);
        var shutdown = clock.Elapsed;
        Assert.AreEqual(0, service.ExitCode, service.Output);

        var lines = LogLines.ParseAll(LogLines.FromFiles(Path.Combine(project.ServiceDirectory, "logs")), "log files");
        var inbound = lines.Where(l => l.Get("monikit.kind") == "http.inbound").Select(l => l.Get("url.path")!).ToHashSet(StringComparer.Ordinal);
        var warn = Enumerable.Range(0, WarnRequests).Count(i => inbound.Contains($"/missing/{i}"));
        var info = Enumerable.Range(0, InfoRequests).Count(i => inbound.Contains($"/orders/{i + 1}"));
        var report = service.ErrorLines.Where(l => l.Contains("log lines were not written", StringComparison.Ordinal)).ToArray();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Unread stdout: {warn} of {WarnRequests} Warn and {info} of {InfoRequests} Info request lines in the files; load {load.TotalSeconds:0.0} s, SIGTERM to exit {shutdown.TotalSeconds:0.0} s, exit code {service.ExitCode}; stderr: {string.Join(" | ", report)}"));

        Assert.AreEqual(WarnRequests, warn, "Warn request lines in the files");
        Assert.AreEqual(InfoRequests, info, "Info request lines in the files");
        Assert.HasCount(1, report, string.Join('\n', service.ErrorLines));
        StringAssert.Contains(report[0], "console");
        Assert.DoesNotContain("Flush Timeout", service.Output);
    }

    private static async Task SendAsync(HttpClient client, int count, Func<int, string> path, HttpStatusCode expected)
    {
        var failures = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancel) =>
        {
            using var response = await client.GetAsync(path(i), cancel);
            if (response.StatusCode != expected)
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.AreEqual(0, failures, $"requests that did not answer {expected}");
    }

    private static async Task WaitUntilReadyAsync(HttpClient client, BackgroundProcess service)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.IsFalse(service.HasExited, "The service exited before answering:\n" + service.Output);
            try
            {
                using var response = await client.GetAsync("/ping");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        Assert.Fail("The service did not answer /ping within 60 s:\n" + service.Output);
    }
}
