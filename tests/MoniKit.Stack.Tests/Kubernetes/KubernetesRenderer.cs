namespace MoniKit.Stack.Tests.Kubernetes;

/// <summary>
/// deploy/kubernetes as <c>dotnet new ... --kubernetes true</c> writes it: the template folders are staged by the
/// pack's own StageMoniKitTemplates target (which generates the PrometheusRule and the dashboard ConfigMaps), installed
/// into a private hive and instantiated without a restore, so no package needs building.
/// </summary>
internal static class KubernetesRenderer
{
    private static readonly Lazy<string> Hive = new(StageAndInstall, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Dictionary<string, string> Rendered = [];
    private static readonly object Gate = new();
    private static string? _root;

    /// <summary>Each service template row: template, project name, options.</summary>
    private static readonly Dictionary<string, (string Template, string Name, string[] Options)> Rows = new()
    {
        ["webapi"] = ("monikit-webapi", "Orders", []),
        ["worker"] = ("monikit-worker", "Billing", []),
        ["worker-options"] = ("monikit-worker", "Payroll", ["--service-name", "payroll-jobs", "--metrics-port", "9599"]),
        ["data-sqlite"] = ("monikit-data", "Shelf", ["--database", "sqlite"]),
        ["data-postgres"] = ("monikit-data", "Catalog", ["--database", "postgres"]),
    };

    public static IEnumerable<object[]> Variants => Rows.Keys.Select(v => new object[] { v });

    /// <summary>The service name a variant's manifests use.</summary>
    public static string ServiceName(string variant) =>
        Rows[variant].Options.SkipWhile(o => o != "--service-name").Skip(1).FirstOrDefault() ?? Rows[variant].Name.ToLowerInvariant();

    /// <summary>The generated deploy/kubernetes folder of a variant (rendered once per test run).</summary>
    public static string Folder(string variant) => Path.Combine(Project(variant, kubernetes: true), "deploy", "kubernetes");

    /// <summary>The manifest files of a variant: every YAML file but the kustomization.</summary>
    public static string[] ManifestFiles(string variant) =>
        [.. Directory.GetFiles(Folder(variant), "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml").Order(StringComparer.Ordinal)];

    /// <summary>A whole generated project of a variant.</summary>
    public static string Project(string variant, bool kubernetes)
    {
        var key = $"{variant}-{kubernetes}";
        lock (Gate)
        {
            if (!Rendered.TryGetValue(key, out var output))
            {
                var (template, name, options) = Rows[variant];
                output = Path.Combine(Path.GetDirectoryName(Hive.Value)!, "projects", key);
                Dotnet(["new", template, "-n", name, "-o", output, "--kubernetes", kubernetes ? "true" : "false", "--no-restore",
                    .. options, "--debug:custom-hive", Hive.Value]).EnsureSuccess();
                Rendered[key] = output;
            }

            return output;
        }
    }

    public static void DeleteAll()
    {
        lock (Gate)
        {
            if (_root is not null)
            {
                Directory.Delete(_root, recursive: true);
            }

            Rendered.Clear();
        }
    }

    private static string StageAndInstall()
    {
        _root = StackContent.NewTemporaryDirectory("k8s");
        var staging = Path.Combine(_root, "staging") + Path.DirectorySeparatorChar;
        var hive = Path.Combine(_root, "hive");
        Dotnet(["msbuild", Path.Combine(StackContent.RepositoryRoot, "MoniKit.Templates.csproj"), "-t:StageMoniKitTemplates",
            $"-p:MoniKitStagingDir={staging}", "-nologo", "-v:q"]).EnsureSuccess();
        foreach (var template in Rows.Values.Select(r => r.Template).Distinct())
        {
            Dotnet(["new", "install", Path.Combine(staging, template), "--debug:custom-hive", hive]).EnsureSuccess();
        }

        return hive;
    }

    private static ProcessResult Dotnet(IEnumerable<string> arguments) => TemplateRenderer.Dotnet(arguments);
}
