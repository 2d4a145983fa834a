using MoniKit.Templates.Tests.Infrastructure;
using MoniKit.Templates.Tests.Stack;

namespace MoniKit.Templates.Tests.Reliability;

/// <summary>
/// The generated services the reliability scenarios run, each built once per test run. The worker gets a job that
/// ignores cancellation, added here rather than to the template: a user's careless job, not the template's.
/// </summary>
public static class ReliabilityProjects
{
    private static readonly Lazy<Task<GeneratedProject>> Worker = new(CreateWorkerAsync);
    private static readonly Lazy<Task<GeneratedProject>> Data = new(() => CreateAsync("monikit-data", "Stockroom"));

    /// <summary>The webapi the stack tests use too.</summary>
    public static Task<GeneratedProject> WebApiAsync() => StackTestProject.GetAsync();

    public static Task<GeneratedProject> WorkerAsync() => Worker.Value;

    public static Task<GeneratedProject> DataAsync() => Data.Value;

    public static Task<GeneratedProject> ForTemplateAsync(string template) => template switch
    {
        "monikit-webapi" => WebApiAsync(),
        "monikit-worker" => WorkerAsync(),
        "monikit-data" => DataAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(template), template, "no such template"),
    };

    /// <summary>The built service's entry assembly.</summary>
    public static string Dll(GeneratedProject project) => Path.Combine(project.ServiceDirectory, "bin", "Release", "net10.0", project.Name + ".dll");

    /// <summary>A fresh log folder, so a scenario reads its own lines only.</summary>
    public static string NewLogDirectory() => Path.Combine(TemplatePack.WorkRoot, "reliability-logs", Guid.NewGuid().ToString("N"));

    private static async Task<GeneratedProject> CreateAsync(string template, string name)
    {
        var project = await GeneratedProject.CreateAsync(template, name);
        await project.BuildAsync();
        return project;
    }

    private static async Task<GeneratedProject> CreateWorkerAsync()
    {
        var project = await GeneratedProject.CreateAsync("monikit-worker", "Ledger");
        await File.WriteAllTextAsync(Path.Combine(project.ServiceDirectory, "StubbornJob.cs"), """
            using MoniKit.Hosting;

            namespace Ledger;

            /// <summary>Ignores its cancellation token, as careless job code does: it runs until the process ends.</summary>
            public sealed class StubbornJob(ILogger<StubbornJob> logger) : IJob
            {
                public async Task RunAsync(CancellationToken cancellationToken)
                {
                    logger.LogWarning("Stubborn job started");
                    await Task.Delay(Timeout.InfiniteTimeSpan, CancellationToken.None);
                }
            }

            """);
        var program = Path.Combine(project.ServiceDirectory, "Program.cs");
        var text = await File.ReadAllTextAsync(program);
        const string Anchor = "builder.Build().Run();";
        StringAssert.Contains(text, Anchor);
        await File.WriteAllTextAsync(program, text.Replace(Anchor, "builder.AddMoniKitJob<StubbornJob>(TimeSpan.FromHours(1));\n" + Anchor, StringComparison.Ordinal));
        await project.BuildAsync();
        return project;
    }
}
