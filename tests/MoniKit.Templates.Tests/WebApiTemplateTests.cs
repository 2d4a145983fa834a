using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MoniKit.Templates.Tests.Infrastructure;
using MoniKit.Testing;

namespace MoniKit.Templates.Tests;

[TestClass]
public sealed class WebApiTemplateTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string Secret = "s3cr3t-Value-7d1f";

    [TestMethod]
    public async Task WebApi_DefaultOptions_BuildsRunsAndWritesConformantLogs()
    {
        var project = await GeneratedProject.CreateAsync("monikit-webapi", "Orders");
        await project.BuildAsync();

        await using (var service = await project.StartAsync())
        {
            using var traced = new HttpRequestMessage(HttpMethod.Get, "/orders/42");
            traced.Headers.Add("traceparent", $"00-{TraceId}-00f067aa0ba902b7-01");
            using var ok = await service.Client.SendAsync(traced);
            Assert.AreEqual(HttpStatusCode.OK, ok.StatusCode);
            Assert.AreEqual(TraceId, ok.Headers.GetValues("X-Trace-Id").Single());

            using var failure = await service.Client.GetAsync("/demo/failure");
            Assert.AreEqual(HttpStatusCode.InternalServerError, failure.StatusCode);
            Assert.AreEqual("application/problem+json", failure.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await failure.Content.ReadAsStringAsync()).RootElement;
            var failureTraceId = failure.Headers.GetValues("X-Trace-Id").Single();
            Assert.AreEqual(failureTraceId, problem.GetProperty("traceId").GetString());

            using var secretive = new HttpRequestMessage(HttpMethod.Get, $"/orders/7?password={Secret}&page=2");
            secretive.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
            secretive.Headers.Add("Cookie", $"session={Secret}");
            secretive.Headers.Add("X-Api-Key", Secret);
            (await service.Client.SendAsync(secretive)).Dispose();

            (await service.Client.GetAsync("/orders/%0D%0A%7B%22injected%22:1%7D")).Dispose();
            (await service.Client.GetAsync("/orders/1?q=a%0D%0Ab%22c")).Dispose();
            await service.StopAsync();

            var stdout = service.OutputLines;
            var files = LogLines.FromFiles(service.LogDirectory);
            Assert.IsTrue(files.Count > 0, "The service wrote no log files");
            var all = stdout.Concat(service.ErrorLines).Concat(files).ToList();
            Assert.IsFalse(all.Any(l => l.Contains(Secret, StringComparison.Ordinal)), "A secret appeared in the output:\n" + string.Join('\n', all.Where(l => l.Contains(Secret, StringComparison.Ordinal))));

            foreach (var (lines, source) in new[] { (stdout, "stdout"), (files, "log files") })
            {
                var parsed = LogLines.ParseAll(lines, source);
                foreach (var line in lines)
                {
                    LogAssert.Conforms(line);
                }

                Assert.IsTrue(parsed.All(l => l.Get("service.name") == "orders"), source);
            }

            var parsedFiles = LogLines.ParseAll(files, "log files").Where(l => l.Get("log.logger") is not null).ToList();
            var inbound = parsedFiles.Where(l => l.Get("monikit.kind") == "http.inbound").ToList();
            var order42 = inbound.Single(l => l.Get("url.path") == "/orders/42");
            Assert.AreEqual(TraceId, order42.Get("trace.id"));
            Assert.AreEqual("/orders/{id:int}", order42.Get("http.route"));
            Assert.AreEqual("200", order42.Get("http.response.status_code"));
            Assert.AreEqual("info", order42.Get("log.level"));
            Assert.AreEqual("success", order42.Get("event.outcome"));
            Assert.IsNotNull(order42.Get("http.request.id"));
            foreach (var name in new[] { "RequestId", "RequestPath", "ConnectionId" })
            {
                Assert.IsFalse(parsedFiles.Any(l => l.Get(name) is not null), $"ASP.NET Core's scope field {name} reached a line");
            }

            // alerts.json holds the alert about the failure (kind "alert"), not a second log of it.
            var alerts = parsedFiles.Where(l => l.Get("monikit.kind") == "alert").ToList();
            Assert.AreEqual(1, alerts.Count, "no webhook is set, so the alert lands in the local alerts file");
            Assert.AreEqual(failureTraceId, alerts[0].Get("trace.id"));
            // The error file repeats the main file's Error lines: count each distinct line once.
            var errors = parsedFiles.Where(l => l.Get("log.level") == "error" && l.Get("monikit.kind") != "alert")
                .GroupBy(l => l.GetRawText()).Select(g => g.First()).ToList();
            var exception = errors.Where(l => l.Get("error.type") is not null).ToList();
            Assert.AreEqual(1, exception.Count, "exactly one Error line with the exception:\n" + string.Join('\n', errors));
            Assert.AreEqual("System.InvalidOperationException", exception[0].Get("error.type"));
            Assert.AreEqual("Demonstration failure", exception[0].Get("error.message"));
            StringAssert.Contains(exception[0].Get("error.stack_trace"), "at ");
            Assert.AreEqual(failureTraceId, exception[0].Get("trace.id"));
        }

        var testOutput = await project.TestAsync();
        StringAssert.Contains(testOutput, "Passed!");
    }

    [TestMethod]
    [DataRow("--tests", "false", "--compose", "false")]
    [DataRow("--service-name", "orders-api", "--slack-channel", "#orders-alerts", "--http-port", "5099")]
    public async Task WebApi_OptionRow_BuildsAndHonoursOptions(params string[] options)
    {
        var project = await GeneratedProject.CreateAsync("monikit-webapi", "Shop", options);
        var withTests = !options.Contains("--tests");
        var withCompose = !options.Contains("--compose");
        Assert.AreEqual(withTests, project.Exists("tests/Shop.Tests/Shop.Tests.csproj"));
        Assert.AreEqual(withCompose, project.Exists("docker-compose.yml"));
        Assert.AreEqual(withCompose, project.Exists("monitoring"));
        Assert.IsTrue(project.Exists("nuget.config"));
        Assert.IsFalse(project.Files().Any(f => f.Contains("MoniKitService", StringComparison.Ordinal)), string.Join('\n', project.Files()));
        await project.BuildAsync();

        var settings = JsonDocument.Parse(project.Read("src/Shop/appsettings.json"), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement.GetProperty("MoniKit");
        if (options.Contains("--service-name"))
        {
            Assert.AreEqual("orders-api", settings.GetProperty("ServiceName").GetString());
            Assert.AreEqual("#orders-alerts", settings.GetProperty("Slack").GetProperty("Channel").GetString());
            StringAssert.Contains(project.Read("src/Shop/Properties/launchSettings.json"), "http://localhost:5099");
        }
        else
        {
            Assert.AreEqual("shop", settings.GetProperty("ServiceName").GetString());
            Assert.IsFalse(settings.TryGetProperty("Slack", out _));
        }

        await using var service = await project.StartAsync();
        using var response = await service.Client.GetAsync("/orders/5");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task WebApi_DockerfilePublish_PrecompilesTheServiceAndMoniKit()
    {
        var project = await GeneratedProject.CreateAsync("monikit-webapi", "Quick", "--tests", "false", "--compose", "false");

        // The Dockerfile's own publish command, run here with a local output folder instead of /app.
        var publish = project.Read("src/Quick/Dockerfile").Split('\n').Single(l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));
        var arguments = publish["RUN dotnet ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var output = arguments.IndexOf("-o");
        Assert.IsGreaterThan(0, output, publish);
        var folder = Path.Combine(project.Directory, "published");
        arguments[output + 1] = folder;
        var result = await ProcessRunner.RunAsync("dotnet", [.. arguments, "-nologo", "-tl:off"], project.Directory);
        Assert.AreEqual(0, result.ExitCode, result.Output);

        foreach (var assembly in new[] { "Quick.dll", "MoniKit.Logging.dll", "MoniKit.AspNetCore.dll", "NLog.dll" })
        {
            using var stream = File.OpenRead(Path.Combine(folder, assembly));
            using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
            Assert.IsGreaterThan(0, reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size, $"{assembly} is not ReadyToRun");
        }
    }

    [TestMethod]
    public async Task WebApi_Help_DescribesEveryOption()
    {
        await TemplatePack.EnsureInstalledAsync();
        var help = await TemplatePack.DotnetNewAsync(TemplatePack.WorkRoot, "monikit-webapi", "--help");
        Assert.AreEqual(0, help.ExitCode, help.Output);
        foreach (var option in new[] { "--service-name", "--http-port", "--slack-channel", "--tests", "--compose", "--no-restore" })
        {
            StringAssert.Contains(help.Output, option);
        }
    }
}
