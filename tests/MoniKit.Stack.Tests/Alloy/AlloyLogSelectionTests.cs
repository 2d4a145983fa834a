using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace MoniKit.Stack.Tests.Alloy;

/// <summary>
/// Alloy's file globs (monitoring/alloy/config.alloy) against the files real MoniKit hosts write after many rolls:
/// each log line must be shipped once, so only the active main file of each service may be selected.
/// </summary>
[TestClass]
public sealed partial class AlloyLogSelectionTests
{
    // Alloy sees each service's logs/ folder at /var/log/monikit/<service>/ (docker-compose.yml mounts it there).
    private const string MountRoot = "/var/log/monikit";

    // A name with "error" and an underscore in it, which must not be mistaken for an error file or an archive.
    private static readonly string[] Services = ["orders", "error-tracker_v2"];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task AlloyGlobs_ServicesThatRolledTheirFilesManyTimes_SelectOnlyEachActiveMainFile()
    {
        var root = StackContent.NewTemporaryDirectory("alloy");
        try
        {
            foreach (var service in Services)
            {
                await WriteLogsAsync(service, Path.Combine(root, service));
            }

            var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => MountRoot + "/" + Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList();
            TestContext.WriteLine(string.Join('\n', files));
            AssertRolledFilesOfEveryKindExist(files);

            var (path, exclude) = ReadGlobs();
            var selected = files.Where(f => Doublestar.Match(path, f) && !Doublestar.Match(exclude, f)).ToList();

            CollectionAssert.AreEqual(Services.Select(s => $"{MountRoot}/{s}/{s}.json").Order(StringComparer.Ordinal).ToList(), selected,
                $"Alloy would tail:\n{string.Join('\n', selected)}");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The test means something only if the disk holds every kind of file the globs must tell apart.</summary>
    private static void AssertRolledFilesOfEveryKindExist(IReadOnlyList<string> files)
    {
        foreach (var service in Services)
        {
            var names = files.Where(f => f.StartsWith($"{MountRoot}/{service}/", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();
            Assert.Contains($"{service}.json", names);
            Assert.Contains($"{service}.error.json", names);
            Assert.Contains("alerts.json", names);
            Assert.IsGreaterThanOrEqualTo(3, names.Count(n => Regex.IsMatch(n!, $@"^{Regex.Escape(service)}_\d{{2}}\.json$")), $"{service}: two-digit archives");
            Assert.IsTrue(names.Any(n => Regex.IsMatch(n!, $@"^{Regex.Escape(service)}_\d{{3,}}\.json$")), $"{service}: an archive past 99");
            Assert.IsTrue(names.Any(n => Regex.IsMatch(n!, $@"^{Regex.Escape(service)}\.error_\d{{2,}}\.json$")), $"{service}: an error-file archive");
        }
    }

    private static (string Path, string Exclude) ReadGlobs()
    {
        var config = File.ReadAllText(Path.Combine(StackContent.Monitoring, "alloy", "config.alloy"));
        var path = PathGlob().Match(config);
        var exclude = ExcludeGlob().Match(config);
        Assert.IsTrue(path.Success && exclude.Success, "config.alloy sets __path__ and __path_exclude__ in local.file_match");
        return (path.Groups[1].Value, exclude.Groups[1].Value);
    }

    /// <summary>
    /// Runs a real host that archives above 10 KB and keeps every archive: over a hundred rolls of the main file, a
    /// few of the error file, and the alerts file that a service without a Slack webhook writes.
    /// </summary>
    private static Task WriteLogsAsync(string service, string directory) =>
        LoggingHost.RunAsync(service, directory, async logger =>
        {
            var padding = new string('x', 200);
            for (var i = 0; i < 1500; i++)
            {
                LogStep(logger, i, padding);
                if (i % 20 == 0)
                {
                    LogFailure(logger, new InvalidOperationException($"Payment {i} was declined"), i);
                }

                if (i % 500 == 0)
                {
                    // The writer thread keeps up; pausing now and then keeps the bounded queue from dropping lines.
                    await Task.Delay(50);
                }
            }
        },
        new Dictionary<string, string?>
        {
            ["MoniKit:Logging:ArchiveAboveSizeMb"] = "0.01",
            // Every archive is kept, so two-digit and three-digit archive names are on disk together.
            ["MoniKit:Logging:MaxArchiveFiles"] = "0",
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkout step {Step} done {Padding}")]
    private static partial void LogStep(ILogger logger, int step, string padding);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checkout {Step} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, int step);

    [GeneratedRegex(@"""__path__""\s*=\s*""([^""]+)""")]
    private static partial Regex PathGlob();

    [GeneratedRegex(@"""__path_exclude__""\s*=\s*""([^""]+)""")]
    private static partial Regex ExcludeGlob();
}
