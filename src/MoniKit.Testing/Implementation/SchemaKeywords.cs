using System.Text.Json;

namespace MoniKit.Testing.Implementation;

/// <summary>The JSON Schema keywords <see cref="SchemaValidator"/> implements; a schema using any other is refused.</summary>
internal static class SchemaKeywords
{
    private static readonly HashSet<string> Known =
    [
        "$schema", "$id", "title", "description", "type", "required", "properties", "patternProperties",
        "additionalProperties", "enum", "const", "pattern", "minimum", "maximum", "minLength", "maxLength", "allOf", "if", "then",
    ];

    public static void Check(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Known.Contains(keyword.Name))
            {
                throw new NotSupportedException($"The log schema uses the keyword '{keyword.Name}', which this validator does not know.");
            }

            switch (keyword.Name)
            {
                case "properties" or "patternProperties":
                    foreach (var property in keyword.Value.EnumerateObject())
                    {
                        Check(property.Value);
                    }

                    break;
                case "allOf":
                    foreach (var item in keyword.Value.EnumerateArray())
                    {
                        Check(item);
                    }

                    break;
                case "additionalProperties" or "if" or "then":
                    Check(keyword.Value);
                    break;
            }
        }
    }
}
