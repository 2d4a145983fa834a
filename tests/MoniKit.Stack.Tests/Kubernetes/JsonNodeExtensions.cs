using System.Text.Json.Nodes;

namespace MoniKit.Stack.Tests.Kubernetes;

/// <summary>Walks manifest objects.</summary>
internal static class JsonNodeExtensions
{
    /// <summary>The items of every array named <paramref name="name"/> anywhere below <paramref name="node"/>.</summary>
    public static IEnumerable<JsonNode> Descendants(this JsonNode? node, string name) => node switch
    {
        JsonObject o => o.SelectMany(p => (p.Key == name && p.Value is JsonArray items ? items.OfType<JsonNode>() : []).Concat(p.Value.Descendants(name))),
        JsonArray a => a.SelectMany(item => item.Descendants(name)),
        _ => [],
    };
}
