using MoniKit.Templates.Tests.Infrastructure;

namespace MoniKit.Templates.Tests.Stack;

/// <summary>
/// One generated and built <c>monikit-webapi</c>, shared by the stack tests of a run: each test starts its own
/// process of it and works on its own copy of the monitoring folder.
/// </summary>
public static class StackTestProject
{
    private static readonly Lazy<Task<GeneratedProject>> Project = new(CreateAsync);

    public static Task<GeneratedProject> GetAsync() => Project.Value;

    private static async Task<GeneratedProject> CreateAsync()
    {
        var project = await GeneratedProject.CreateAsync("monikit-webapi", "Orders");
        await project.BuildAsync();
        return project;
    }
}
