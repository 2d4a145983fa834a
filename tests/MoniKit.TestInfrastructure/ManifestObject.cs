using System.Text.Json.Nodes;

namespace MoniKit.TestInfrastructure;

/// <summary>One Kubernetes object read from a manifest file.</summary>
/// <param name="File">The file it was read from (<c>-</c> for standard input).</param>
/// <param name="Body">The object, as JSON.</param>
public sealed record ManifestObject(string File, JsonObject Body)
{
    /// <summary>The object's kind.</summary>
    public string? Kind => Body["kind"]?.GetValue<string>();

    /// <summary>The object's metadata.name.</summary>
    public string? Name => Body["metadata"]?["name"]?.GetValue<string>();

    /// <summary>The object's metadata.labels, empty when it has none.</summary>
    public IReadOnlyDictionary<string, string> Labels =>
        (Body["metadata"]?["labels"]?.AsObject() ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
}
