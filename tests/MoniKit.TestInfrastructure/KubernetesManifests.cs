using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MoniKit.TestInfrastructure;

/// <summary>
/// Reads Kubernetes manifests and validates each object with the validation that the npm packages kubernetes-models
/// and @kubernetes-models/prometheus-operator ship (their JSON schemas of the Kubernetes API and of the operator's
/// CRDs, through each model's own <c>validate()</c>), and type-checks them against the TypeScript types the same
/// packages ship, which reject a field the API does not know (the schemas let unknown fields through); this class adds
/// no rule of its own. Also renders a kustomization with <c>kubectl kustomize</c>.
/// </summary>
public static partial class KubernetesManifests
{
    private const string Packages = "kubernetes-models@5.1.0 @kubernetes-models/prometheus-operator@6.0.0 yaml@2.9.1 typescript@5.9.3";

    // Parses every YAML document and, in validate mode, hands each object to the model its apiVersion and kind name.
    private const string Script = """
        import { readFileSync } from "node:fs";
        import { parseAllDocuments } from "yaml";

        const [mode, ...files] = process.argv.slice(2);
        const out = { objects: [], errors: [] };
        const modelsOf = (apiVersion) => import(apiVersion.includes("monitoring.coreos.com/")
          ? `@kubernetes-models/prometheus-operator/${apiVersion}`
          : `kubernetes-models/${apiVersion}`);
        for (const file of files) {
          for (const doc of parseAllDocuments(readFileSync(file === "-" ? 0 : file, "utf8"))) {
            if (doc.errors.length > 0) {
              out.errors.push(`${file}: ${doc.errors.map(e => e.message).join("; ")}`);
              continue;
            }
            const body = doc.toJS();
            if (body == null) continue;
            out.objects.push({ file, body });
            if (mode !== "validate") continue;
            const where = `${file}: ${body.kind}/${body.metadata?.name}`;
            let Model;
            try {
              Model = (await modelsOf(String(body.apiVersion)))[body.kind];
            } catch {
            }
            if (typeof Model !== "function") {
              out.errors.push(`${where}: no model for ${body.apiVersion} ${body.kind}`);
              continue;
            }
            try {
              new Model(body).validate();
            } catch (e) {
              out.errors.push(`${where}: ${e.message}`);
            }
          }
        }
        process.stdout.write(JSON.stringify(out));
        """;

    /// <summary>Validates every object of the files; <c>-</c> reads <paramref name="input"/> instead.</summary>
    public static KubernetesValidation Validate(IEnumerable<string> files, string? input = null) => Run("validate", files, input);

    /// <summary>Parses YAML files (any YAML, such as a Prometheus rule file) into JSON, without validating.</summary>
    public static IReadOnlyList<JsonObject> Parse(params string[] files)
    {
        var result = Run("parse", files, null);
        return result.Errors.Count == 0
            ? [.. result.Objects.Select(o => o.Body)]
            : throw new InvalidOperationException(string.Join('\n', result.Errors));
    }

    /// <summary>
    /// Type-checks objects against the packages' TypeScript types (<c>tsc --strict</c>): an unknown or misspelt field
    /// fails as TypeScript's excess-property check. Returns tsc's errors, empty when every object fits its type.
    /// </summary>
    public static IReadOnlyList<string> TypeCheck(IEnumerable<ManifestObject> objects)
    {
        var tools = NpmPackages.Require(Packages.Split(' '));
        var source = new StringBuilder();
        var index = 0;
        foreach (var o in objects)
        {
            var apiVersion = o.Body["apiVersion"]!.GetValue<string>();
            var module = apiVersion.Contains("monitoring.coreos.com/", StringComparison.Ordinal)
                ? $"@kubernetes-models/prometheus-operator/{apiVersion}/{o.Kind}"
                : $"kubernetes-models/{apiVersion}/{o.Kind}";
            source.Append(CultureInfo.InvariantCulture, $"import type {{ I{o.Kind} as T{index} }} from \"{module}\";\n")
                .Append(CultureInfo.InvariantCulture, $"// {o.File}: {o.Kind}/{o.Name}\nexport const o{index}: T{index} = {o.Body.ToJsonString()};\n");
            index++;
        }

        var file = Path.Combine(tools, $"manifests-{Guid.NewGuid():N}.ts");
        File.WriteAllText(file, source.ToString());
        try
        {
            var result = ProcessRunner.Run(
                "node",
                [Path.Combine(tools, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "--strict", "--target", "es2022",
                    "--module", "esnext", "--moduleResolution", "bundler", file],
                tools);
            var lines = source.ToString().Split('\n');
            // Each error names its line; the comment above that object's line says which manifest it is.
            return [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(e => ErrorLine().Match(e) is { Success: true } m && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var line and > 1
                    ? $"{lines[line - 2].TrimStart('/', ' ')}: {e[(e.IndexOf(": error", StringComparison.Ordinal) + 2)..]}"
                    : e)];
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The kubectl program, or <see langword="null"/> where it is not installed.</summary>
    public static string? Kubectl { get; } = new[] { "/usr/bin/kubectl", "/usr/local/bin/kubectl" }.FirstOrDefault(File.Exists);

    /// <summary>Runs <c>kubectl kustomize</c> on a folder (the caller checks <see cref="Kubectl"/> first).</summary>
    public static ProcessResult Kustomize(string folder) =>
        ProcessRunner.Run(Kubectl ?? throw new InvalidOperationException("kubectl is not installed"), ["kustomize", folder]);

    private static KubernetesValidation Run(string mode, IEnumerable<string> files, string? input)
    {
        var tools = NpmPackages.Require(Packages.Split(' '));
        // An ES module resolves its imports from its own folder: it must sit next to node_modules.
        var script = Path.Combine(tools, "monikit-manifests.mjs");
        if (!File.Exists(script) || File.ReadAllText(script) != Script)
        {
            File.WriteAllText(script, Script);
        }

        var result = ProcessRunner.Run("node", [script, mode, .. files], tools, input: input).EnsureSuccess();
        var json = JsonNode.Parse(result.StandardOutput)!.AsObject();
        var objects = json["objects"]!.AsArray()
            .Select(o => new ManifestObject(o!["file"]!.GetValue<string>(), o["body"]!.AsObject()))
            .ToList();
        var errors = json["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        return new KubernetesValidation(objects, errors);
    }

    /// <summary>A manifest object's text, for failure messages.</summary>
    public static string Show(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    [GeneratedRegex(@"\.ts\((\d+),\d+\): error")]
    private static partial Regex ErrorLine();
}
