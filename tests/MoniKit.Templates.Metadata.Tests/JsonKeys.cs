using System.Text.Json;
using System.Text.Json.Nodes;

namespace MoniKit.Templates.Metadata.Tests;

/// <summary>Reads template.json the way the template engine does: property names in any case.</summary>
internal static class JsonKeys
{
    public static JsonNode? Get(this JsonObject json, string name) =>
        json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>A string property, or null when it is missing or not a string.</summary>
    public static string? GetString(this JsonObject json, string name) =>
        json.Get(name) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>A string, or an array of strings, as a list: the form shortName and classifications take.</summary>
    public static IReadOnlyList<string> GetStringOrArray(this JsonObject json, string name) => json.Get(name) switch
    {
        JsonArray array => [.. array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>())],
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };

    public static bool GetBool(this JsonObject json, string name) => json.Get(name) switch
    {
        JsonValue value when value.GetValueKind() is JsonValueKind.True => true,
        JsonValue value when value.GetValueKind() is JsonValueKind.String => bool.TryParse(value.GetValue<string>(), out var b) && b,
        _ => false,
    };

    /// <summary>An integer given as a number or a string; 0 when missing or unreadable, as the engine's model has it.</summary>
    public static int GetInt(this JsonObject json, string name) => json.Get(name) switch
    {
        JsonValue value when value.GetValueKind() is JsonValueKind.Number && value.TryGetValue<int>(out var n) => n,
        JsonValue value when value.GetValueKind() is JsonValueKind.String && int.TryParse(value.GetValue<string>(), out var n) => n,
        _ => 0,
    };

    public static IEnumerable<JsonObject> Objects(this JsonObject json, string name) =>
        json.Get(name) is JsonArray array ? array.OfType<JsonObject>() : [];

    public static IEnumerable<KeyValuePair<string, JsonObject>> Members(this JsonObject json, string name) =>
        json.Get(name) is JsonObject obj
            ? obj.Where(p => p.Value is JsonObject).Select(p => new KeyValuePair<string, JsonObject>(p.Key, p.Value!.AsObject()))
            : [];
}
