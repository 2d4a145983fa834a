namespace MoniKit.Stack.Tests;

/// <summary>npm packages the checks need, installed once into a cache folder outside the repository.</summary>
internal static class NpmTools
{
    private static readonly object Gate = new();

    /// <summary>Returns a folder whose node_modules holds the given exact package versions.</summary>
    public static string Require(params string[] packages)
    {
        var folder = Path.Combine(Path.GetTempPath(), "monikit-stack-npm-" + string.Join('-', packages).Replace('@', '_').Replace('/', '_'));
        lock (Gate)
        {
            var marker = Path.Combine(folder, ".installed");
            if (File.Exists(marker))
            {
                return folder;
            }

            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "package.json"), "{ \"private\": true }\n");
            ToolRunner.RequireDebianProgram("npm", "npm");
            ToolRunner.Run("npm", ["install", "--no-audit", "--no-fund", "--no-save", "--ignore-scripts", .. packages], folder)
                .AssertSuccess("npm install " + string.Join(' ', packages));
            File.WriteAllText(marker, string.Join('\n', packages));
            return folder;
        }
    }
}
