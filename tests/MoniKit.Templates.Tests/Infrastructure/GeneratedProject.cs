using System.Text.RegularExpressions;

namespace MoniKit.Templates.Tests.Infrastructure;

/// <summary>A project made by <c>dotnet new</c> from the installed pack, in a folder of its own.</summary>
public sealed partial class GeneratedProject
{
    private GeneratedProject(string directory, string name)
    {
        Directory = directory;
        Name = name;
    }

    /// <summary>The folder the template wrote to.</summary>
    public string Directory { get; }

    /// <summary>The <c>-n</c> name: the project and namespace name.</summary>
    public string Name { get; }

    /// <summary>The service project's folder.</summary>
    public string ServiceDirectory => Path.Combine(Directory, "src", Name);

    /// <summary>Runs <c>dotnet new template -n name options</c> with the local package source.</summary>
    public static async Task<GeneratedProject> CreateAsync(string template, string name, params string[] options)
    {
        await TemplatePack.EnsureInstalledAsync();
        var directory = Path.Combine(TemplatePack.WorkRoot, "projects", $"{template}-{name}-{Guid.NewGuid():N}"[..48]);
        System.IO.Directory.CreateDirectory(directory);
        var result = await TemplatePack.DotnetNewAsync(
            directory, [template, "-n", name, "-o", directory, "--package-source", TemplatePack.PackageSource, "--no-restore", .. options]);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        return new GeneratedProject(directory, name);
    }

    /// <summary>Builds everything in Release and asserts the build has no warnings; returns the build output.</summary>
    public async Task<string> BuildAsync()
    {
        var result = await ProcessRunner.RunAsync("dotnet", ["build", "-c", "Release", "-nologo", "-tl:off"], Directory);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        var warnings = WarningCount().Match(result.Output);
        Assert.IsTrue(warnings.Success, result.Output);
        Assert.AreEqual("0", warnings.Groups[1].Value, $"The generated project built with warnings:\n{result.Output}");
        return result.Output;
    }

    /// <summary>Runs the generated project's own tests and returns their output.</summary>
    public async Task<string> TestAsync()
    {
        var result = await ProcessRunner.RunAsync("dotnet", ["test", "-c", "Release", "--no-build", "-nologo"], Directory);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        return result.Output;
    }

    /// <summary>Whether a file exists, relative to the project folder.</summary>
    public bool Exists(string relativePath) => File.Exists(Path.Combine(Directory, relativePath)) || System.IO.Directory.Exists(Path.Combine(Directory, relativePath));

    /// <summary>A file's text, relative to the project folder.</summary>
    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary>Every file the template wrote, relative to its folder, bin and obj excluded.</summary>
    public IReadOnlyList<string> Files() => System.IO.Directory
        .EnumerateFiles(Directory, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(Directory, f))
        .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "logs"))
        .ToList();

    /// <summary>Starts the built service on a free loopback port and waits until it answers.</summary>
    public Task<RunningService> StartAsync(IDictionary<string, string?>? environment = null, string readinessPath = "/ping", int? port = null) =>
        RunningService.StartAsync(this, environment, readinessPath, port);

    [GeneratedRegex(@"(\d+) Warning\(s\)")]
    private static partial Regex WarningCount();
}
