using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MoniKit.Testing.Implementation;

/// <summary>
/// Validates JSON against the JSON Schema keywords the MoniKit log schema uses: type, required, properties,
/// patternProperties, additionalProperties, enum, const, pattern, minimum, maximum, minLength, maxLength, allOf, if
/// and then. <see cref="SchemaKeywords.Check"/> rejects any other keyword when the schema is loaded, so the schema cannot
/// silently outgrow the validator.
/// </summary>
internal sealed class SchemaValidator(JsonElement schema)
{
    public void Validate(JsonElement instance, List<string> errors) => Validate(schema, instance, "", errors);

    private static void Validate(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{Name(path)} is not allowed");
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("type", out var type) && !MatchesType(type, value))
        {
            errors.Add($"{Name(path)} must be of type {type.GetRawText()} (was {value.ValueKind})");
            return;
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{Name(path)} must be {constant.GetRawText()} (was {value.GetRawText()})");
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            errors.Add($"{Name(path)} must be one of {allowed.GetRawText()} (was {value.GetRawText()})");
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            ValidateString(schema, value.GetString()!, path, errors);
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            ValidateNumber(schema, value.GetDouble(), path, errors);
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            ValidateObject(schema, value, path, errors);
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Validate(part, value, path, errors);
            }
        }

        if (schema.TryGetProperty("if", out var condition) && schema.TryGetProperty("then", out var then))
        {
            var probe = new List<string>();
            Validate(condition, value, path, probe);
            if (probe.Count == 0)
            {
                Validate(then, value, path, errors);
            }
        }
    }

    private static void ValidateString(JsonElement schema, string text, string path, List<string> errors)
    {
        if (schema.TryGetProperty("pattern", out var pattern)
            && !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{Name(path)} must match {pattern.GetString()} (was \"{text}\")");
        }

        var length = text.EnumerateRunes().Count();
        if (schema.TryGetProperty("minLength", out var min) && length < min.GetInt32())
        {
            errors.Add($"{Name(path)} must be at least {min.GetInt32()} characters long");
        }

        if (schema.TryGetProperty("maxLength", out var max) && length > max.GetInt32())
        {
            errors.Add($"{Name(path)} must be at most {max.GetInt32()} characters long");
        }
    }

    private static void ValidateNumber(JsonElement schema, double number, string path, List<string> errors)
    {
        if (schema.TryGetProperty("minimum", out var min) && number < min.GetDouble())
        {
            errors.Add($"{Name(path)} must be at least {min.GetDouble().ToString(CultureInfo.InvariantCulture)}");
        }

        if (schema.TryGetProperty("maximum", out var max) && number > max.GetDouble())
        {
            errors.Add($"{Name(path)} must be at most {max.GetDouble().ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void ValidateObject(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray())
            {
                if (!value.TryGetProperty(name.GetString()!, out _))
                {
                    errors.Add($"{Name(path + "/" + name.GetString())} is required");
                }
            }
        }

        schema.TryGetProperty("properties", out var properties);
        schema.TryGetProperty("patternProperties", out var patterns);
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var propertyPath = path + "/" + property.Name;
            if (!seen.Add(property.Name))
            {
                errors.Add($"{Name(propertyPath)} appears more than once");
            }

            // As JSON Schema says: a name may match "properties" and any "patternProperties"; only a name that
            // matches none of them meets "additionalProperties".
            var matched = false;
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                matched = true;
                Validate(propertySchema, property.Value, propertyPath, errors);
            }

            if (patterns.ValueKind == JsonValueKind.Object)
            {
                foreach (var pattern in patterns.EnumerateObject())
                {
                    if (Regex.IsMatch(property.Name, pattern.Name, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                    {
                        matched = true;
                        Validate(pattern.Value, property.Value, propertyPath, errors);
                    }
                }
            }

            if (!matched && hasAdditional)
            {
                Validate(additional, property.Value, propertyPath, errors);
            }
        }
    }

    private static bool MatchesType(JsonElement type, JsonElement value) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => MatchesType(t.GetString()!, value))
        : MatchesType(type.GetString()!, value);

    private static bool MatchesType(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && double.IsInteger(value.GetDouble()),
        _ => false,
    };

    private static string Name(string path) => path.Length == 0 ? "the line" : "'" + path[1..] + "'";
}
