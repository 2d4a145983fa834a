using System.Text.Json;
using System.Text.Json.Nodes;

namespace MoniKit.Templates.Metadata.Tests;

/// <summary>A template's .template.config folder in this repository, and its JSON files.</summary>
internal sealed class TemplateConfig
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private TemplateConfig(string name)
    {
        Name = name;
        Root = Repository.Path("templates", name);
    }

    /// <summary>Every template of the pack.</summary>
    public static IReadOnlyList<string> All { get; } = ["monikit-webapi", "monikit-worker", "monikit-data", "monikit-stack"];

    /// <summary>The templates that generate a service (all but the stack).</summary>
    public static IReadOnlyList<string> Services { get; } = ["monikit-webapi", "monikit-worker", "monikit-data"];

    public string Name { get; }

    /// <summary>The template's root: the folder that holds .template.config.</summary>
    public string Root { get; }

    public string ConfigDirectory => Path.Combine(Root, ".template.config");

    public JsonObject TemplateJson => Read("template.json");

    public static TemplateConfig Of(string name) => new(name);

    /// <summary>A JSON object file under .template.config, such as "template.json" or "localize/templatestrings.ko.json".</summary>
    public JsonObject Read(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ConfigDirectory, relativePath)), documentOptions: Options)?.AsObject()
        ?? throw new InvalidDataException($"{Name}: {relativePath} is not a JSON object");

    /// <summary>A localization file as the template engine reads it: a flat object of strings.</summary>
    public IReadOnlyDictionary<string, string> Strings(string culture)
    {
        var path = $"localize/templatestrings.{culture}.json";
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Read(path))
        {
            strings[key] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : throw new InvalidDataException($"{Name}: {path}: '{key}' is not a string, and the engine would ignore the whole file");
        }

        return strings;
    }

    /// <summary>
    /// The files the pack stages into this template (MoniKit.Templates.csproj): its own folder, content/stack and, for
    /// the service templates, content/service. Relative to the template's root, with their text.
    /// </summary>
    public IReadOnlyDictionary<string, string> StagedFiles()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        void AddFolder(string folder)
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(folder, file);
                if (!relative.Split(Path.DirectorySeparatorChar).Any(part => part is ".template.config" or "bin" or "obj"))
                {
                    files[relative] = File.ReadAllText(file);
                }
            }
        }

        AddFolder(Root);
        AddFolder(Repository.Path("content", "stack"));
        if (Services.Contains(Name))
        {
            AddFolder(Repository.Path("content", "service"));
        }

        return files;
    }

    public override string ToString() => Name;
}
