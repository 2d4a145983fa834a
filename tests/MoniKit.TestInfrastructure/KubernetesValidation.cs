namespace MoniKit.TestInfrastructure;

/// <summary>What <see cref="KubernetesManifests.Validate"/> found: every object read, and every schema error.</summary>
/// <param name="Objects">Every object of every file, in order.</param>
/// <param name="Errors">One line per invalid document or object; empty when everything validates.</param>
public sealed record KubernetesValidation(IReadOnlyList<ManifestObject> Objects, IReadOnlyList<string> Errors)
{
    /// <summary>The objects of one kind.</summary>
    public IReadOnlyList<ManifestObject> OfKind(string kind) => [.. Objects.Where(o => o.Kind == kind)];

    /// <summary>The one object of a kind; throws unless there is exactly one.</summary>
    public ManifestObject One(string kind) => OfKind(kind) is [var one]
        ? one
        : throw new InvalidOperationException($"expected one {kind}, found {OfKind(kind).Count}");
}
