using System.Text;
using System.Text.Json;

namespace MoniKit.Stack.Tests;

[TestClass]
public sealed class GrafanaDashboardTests
{
    private const string SchemaVersion = "12.4.11";
    private const string TypeScriptVersion = "5.9.3";

    private static string Dashboards => Path.Combine(StackContent.Monitoring, "grafana", "dashboards");

    [TestMethod]
    public void Tsc_EveryDashboard_TypeChecksAsGrafanaSchemaDashboard()
    {
        var files = Directory.GetFiles(Dashboards, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.HasCount(5, files);

        var result = TypeCheck(files.Select(File.ReadAllText));

        result.EnsureSuccess();
    }

    [TestMethod]
    public void Tsc_DashboardWithMisspelledField_IsRejected()
    {
        var broken = File.ReadAllText(Path.Combine(Dashboards, "service-overview.json")).Replace("\"gridPos\"", "\"gridPosition\"", StringComparison.Ordinal);

        var result = TypeCheck([broken]);

        Assert.AreNotEqual(0, result.ExitCode, "the type check must be able to fail");
        StringAssert.Contains(result.Output, "gridPosition");
    }

    [TestMethod]
    public void Dashboards_EveryQuery_UsesAProvisionedDatasourceUid()
    {
        var provisioned = File.ReadAllText(Path.Combine(StackContent.Monitoring, "grafana", "provisioning", "datasources", "monikit.yml"));
        foreach (var file in Directory.GetFiles(Dashboards, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var uids = new HashSet<string>(StringComparer.Ordinal);
            Collect(document.RootElement, uids);

            Assert.IsNotEmpty(uids, file);
            foreach (var uid in uids)
            {
                StringAssert.Contains(provisioned, $"uid: {uid}\n", $"{Path.GetFileName(file)} uses datasource {uid}");
            }
        }
    }

    private static void Collect(JsonElement element, HashSet<string> uids)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "datasource" && property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("uid", out var uid))
                {
                    uids.Add(uid.GetString()!);
                }

                Collect(property.Value, uids);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, uids);
            }
        }
    }

    private static ProcessResult TypeCheck(IEnumerable<string> dashboards)
    {
        var tools = NpmPackages.Require($"@grafana/schema@{SchemaVersion}", $"typescript@{TypeScriptVersion}");
        var source = new StringBuilder("import type { Dashboard } from '@grafana/schema';\n");
        var index = 0;
        foreach (var dashboard in dashboards)
        {
            source.Append("export const dashboard").Append(index++).Append(": Dashboard = ").Append(dashboard).Append(";\n");
        }

        var file = Path.Combine(tools, $"dashboards-{Guid.NewGuid():N}.ts");
        File.WriteAllText(file, source.ToString());
        try
        {
            return ProcessRunner.Run(
                "node",
                [Path.Combine(tools, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "--strict", "--target", "es2022",
                    "--module", "esnext", "--moduleResolution", "bundler", file],
                tools);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
