using System.Reflection;

namespace MoniKit.TestInfrastructure;

/// <summary>
/// The repository the tests were built from. Found from an assembly attribute that tests/Directory.Build.props stamps
/// into every test assembly, not from source paths, which deterministic CI builds rewrite.
/// </summary>
public static class Repository
{
    /// <summary>The repository's root folder, with a trailing separator.</summary>
    public static string Root { get; } = typeof(Repository).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>A path under the repository root.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
