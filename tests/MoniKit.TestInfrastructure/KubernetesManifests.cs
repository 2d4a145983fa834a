using System.Text.Json;
using System.Text.Json.Nodes;

namespace MoniKit.TestInfrastructure;

/// <summary>
/// Reads Kubernetes manifests and validates each object with the validation that the npm packages kubernetes-models
/// and @kubernetes-models/prometheus-operator ship (their JSON schemas of the Kubernetes API and of the operator's
/// CRDs, through each model's own <c>validate()</c>); this class adds no rule of its own. Also renders a kustomization
/// with <c>kubectl kustomize</c>.
/// </summary>
public static class KubernetesManifests
{
    private const string Packages = "kubernetes-models@5.1.0 @kubernetes-models/prometheus-operator@6.0.0 yaml@2.9.1";

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
}
