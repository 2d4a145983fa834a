namespace MoniKit.Stack.Tests;

/// <summary>
/// Renders content/stack through the real template engine (<c>dotnet new</c> in a private template hive): the
/// service variants through a test template that defines the symbols every service template defines, and the
/// stack variant through templates/monikit-stack's own template.json.
/// </summary>
internal static class TemplateRenderer
{
    private static readonly Lazy<string> Hive = new(InstallTemplates, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Dictionary<string, string> Rendered = [];
    private static readonly List<string> Fresh = [];
    private static readonly object Gate = new();

    public static IReadOnlyList<string> Variants { get; } = ["webapi", "worker", "data-sqlite", "data-postgres", "stack"];

    /// <summary>The folder holding the rendered stack for a variant (rendered once per test run).</summary>
    public static string Render(string variant)
    {
        lock (Gate)
        {
            if (!Rendered.TryGetValue(variant, out var existing))
            {
                existing = RenderFresh(variant);
                Rendered[variant] = existing;
            }

            return existing;
        }
    }

    /// <summary>A new instantiation of a variant, as <c>dotnet new</c> writes it each time (deleted after the run).</summary>
    public static string RenderFresh(string variant)
    {
        var output = StackContent.NewTemporaryDirectory("render");
        List<string> arguments = variant == "stack"
            ? ["new", "monikit-stack", "-n", "monitoring", "-o", output, "--service-name", "orders", "--http-port", "6080"]
            : ["new", "monikit-stack-test-render", "-n", "Orders", "-o", output,
                "--TemplateKind", variant.Split('-')[0], "--Database", variant.EndsWith("postgres", StringComparison.Ordinal) ? "postgres" : "sqlite"];
        arguments.AddRange(["--debug:custom-hive", Hive.Value]);
        Dotnet(arguments).EnsureSuccess();
        lock (Gate)
        {
            Fresh.Add(output);
        }

        return output;
    }

    public static void DeleteAll()
    {
        lock (Gate)
        {
            foreach (var folder in Fresh)
            {
                Directory.Delete(folder, recursive: true);
            }

            Fresh.Clear();
            Rendered.Clear();
            if (Hive.IsValueCreated)
            {
                Directory.Delete(Path.GetDirectoryName(Hive.Value)!, recursive: true);
            }
        }
    }

    private static string InstallTemplates()
    {
        var root = StackContent.NewTemporaryDirectory("templates");
        var hive = Path.Combine(root, "hive");

        var testTemplate = Path.Combine(root, "test-render");
        StackContent.CopyDirectory(StackContent.Stack, testTemplate);
        Directory.CreateDirectory(Path.Combine(testTemplate, ".template.config"));
        File.Copy(
            Path.Combine(AppContext.BaseDirectory, "TestTemplate", "template.json"),
            Path.Combine(testTemplate, ".template.config", "template.json"));

        // What the pack does for monikit-stack: its .template.config plus content/stack at the template's root.
        var stackTemplate = Path.Combine(root, "monikit-stack");
        StackContent.CopyDirectory(StackContent.Stack, stackTemplate);
        StackContent.CopyDirectory(
            Path.Combine(StackContent.RepositoryRoot, "templates", "monikit-stack", ".template.config"),
            Path.Combine(stackTemplate, ".template.config"));

        Dotnet(["new", "install", testTemplate, "--debug:custom-hive", hive]).EnsureSuccess();
        Dotnet(["new", "install", stackTemplate, "--debug:custom-hive", hive]).EnsureSuccess();
        return hive;
    }

    /// <summary>Runs <c>dotnet</c> with no telemetry or first-run output.</summary>
    internal static ProcessResult Dotnet(IEnumerable<string> arguments) =>
        ProcessRunner.Run("dotnet", arguments, environment: new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        });
}
