using System.Text.Json;

namespace MoniKit.AspNetCore.Tests.Schema;

/// <summary>
/// The few JSON schema rules the configuration schemas use (<c>properties</c>, <c>additionalProperties</c>,
/// <c>type</c>, <c>enum</c>), enough to show what an editor flags in an appsettings.json.
/// </summary>
internal static class SchemaChecker
{
    public static JsonElement Merge(IEnumerable<string> paths)
    {
        var merged = new Dictionary<string, object?>();
        foreach (var path in paths)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            MergeInto(merged, document.RootElement);
        }

        return JsonSerializer.SerializeToElement(merged);
    }

    public static IReadOnlyList<string> Check(JsonElement schema, JsonElement value, string path = "")
    {
        var problems = new List<string>();
        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => a.ValueEquals(value.ToString())))
        {
            problems.Add($"{path}: '{value}' is not one of {allowed}");
        }

        if (schema.TryGetProperty("type", out var type) && !HasType(value, type.GetString()!))
        {
            problems.Add($"{path}: {value.ValueKind} is not {type.GetString()}");
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return problems;
        }

        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        foreach (var property in value.EnumerateObject())
        {
            var key = path.Length == 0 ? property.Name : path + ":" + property.Name;
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var child))
            {
                problems.AddRange(Check(child, property.Value, key));
            }
            else if (schema.TryGetProperty("additionalProperties", out var extra))
            {
                if (extra.ValueKind == JsonValueKind.False)
                {
                    problems.Add($"{key}: not allowed");
                }
                else if (extra.ValueKind == JsonValueKind.Object)
                {
                    problems.AddRange(Check(extra, property.Value, key));
                }
            }
        }

        return problems;
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        _ => true,
    };

    private static void MergeInto(Dictionary<string, object?> target, JsonElement source)
    {
        foreach (var property in source.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                if (target.GetValueOrDefault(property.Name) is not Dictionary<string, object?> child)
                {
                    target[property.Name] = child = [];
                }

                MergeInto(child, property.Value);
            }
            else
            {
                target[property.Name] = property.Value.Clone();
            }
        }
    }
}
