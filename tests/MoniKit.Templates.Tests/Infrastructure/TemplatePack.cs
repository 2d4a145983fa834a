using System.Globalization;

namespace MoniKit.Templates.Tests.Infrastructure;

/// <summary>
/// Packs the MoniKit packages and the template pack once per test run, with a fresh version so that NuGet's cache
/// can never serve an older build, and installs the pack into a template hive of its own.
/// </summary>
public static class TemplatePack
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _ready;

    public static string RepositoryRoot => Repository.Root;

    public static string WorkRoot { get; } = Path.Combine(Path.GetTempPath(), "monikit-template-tests", DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId);

    public static string Version { get; } = "0.1.0-t" + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string PackageSource => Path.Combine(WorkRoot, "packages");

    public static string Hive => Path.Combine(WorkRoot, "hive");

    public static async Task EnsureInstalledAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_ready)
            {
                return;
            }

            Directory.CreateDirectory(PackageSource);
            var artifacts = Path.Combine(WorkRoot, "artifacts");
            string[] common = ["-c", "Release", "-o", PackageSource, $"-p:Version={Version}", $"-p:ArtifactsPath={artifacts}", "-nologo"];
            await ProcessRunner.RunCheckedAsync("dotnet", ["pack", Path.Combine(RepositoryRoot, "MoniKit.Packages.slnf"), .. common], RepositoryRoot, timeout: TimeSpan.FromMinutes(15));
            await ProcessRunner.RunCheckedAsync("dotnet", ["pack", Path.Combine(RepositoryRoot, "MoniKit.Templates.csproj"), .. common], RepositoryRoot);
            var pack = Path.Combine(PackageSource, $"MoniKit.Templates.{Version}.nupkg");
            await ProcessRunner.RunCheckedAsync("dotnet", ["new", "install", pack, "--debug:custom-hive", Hive], RepositoryRoot);
            _ready = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Runs <c>dotnet new</c> against the isolated hive.</summary>
    public static Task<ProcessResult> DotnetNewAsync(string workingDirectory, params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", ["new", .. arguments, "--debug:custom-hive", Hive], workingDirectory);
}
