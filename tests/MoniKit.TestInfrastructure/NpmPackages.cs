namespace MoniKit.TestInfrastructure;

/// <summary>npm packages the checks need (type checkers, schema validators), installed once into a cache folder outside the repository.</summary>
public static class NpmPackages
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Returns a folder whose <c>node_modules</c> holds the given exact package versions.</summary>
    public static string Require(params string[] packages)
    {
        var folder = Path.Combine(Path.GetTempPath(), "monikit-npm-" + string.Join('-', packages).Replace('@', '_').Replace('/', '_'));
        Gate.Wait();
        try
        {
            var marker = Path.Combine(folder, ".installed");
            if (File.Exists(marker))
            {
                return folder;
            }

            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "package.json"), "{ \"private\": true }\n");
            var npm = DebianPrograms.Require("npm", "npm");
            ProcessRunner.Run(npm, ["install", "--no-audit", "--no-fund", "--no-save", "--ignore-scripts", .. packages], folder).EnsureSuccess();
            File.WriteAllText(marker, string.Join('\n', packages));
            return folder;
        }
        finally
        {
            Gate.Release();
        }
    }
}
