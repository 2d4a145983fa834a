using System.Text.Json.Nodes;

namespace MoniKit.Templates.Metadata.Tests;

/// <summary>
/// The strings of a template.json that localization files translate, keyed as the template engine looks them up in
/// <c>templatestrings.&lt;culture&gt;.json</c>. The set is the one dotnet/templating's TemplateLocalizer extracts:
/// <c>author</c>, <c>name</c>, <c>description</c>; per symbol <c>symbols/&lt;name&gt;/displayName</c> and
/// <c>/description</c>; per choice <c>symbols/&lt;name&gt;/choices/&lt;choice&gt;/displayName</c> and <c>/description</c>;
/// per post action <c>postActions/&lt;id&gt;/description</c> and
/// <c>postActions/&lt;id&gt;/manualInstructions/&lt;id&gt;/text</c>.
/// </summary>
internal static class LocalizableStrings
{
    public static IReadOnlyDictionary<string, string> Extract(JsonObject template)
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, JsonObject source, string property)
        {
            if (source.GetString(property) is { } value)
            {
                strings[key] = value;
            }
        }

        foreach (var property in new[] { "author", "name", "description" })
        {
            Add(property, template, property);
        }

        foreach (var (name, symbol) in template.Members("symbols"))
        {
            Add($"symbols/{name}/displayName", symbol, "displayName");
            Add($"symbols/{name}/description", symbol, "description");
            foreach (var choice in symbol.Objects("choices"))
            {
                var key = $"symbols/{name}/choices/{choice.GetString("choice")}";
                Add($"{key}/displayName", choice, "displayName");
                Add($"{key}/description", choice, "description");
            }
        }

        foreach (var action in template.Objects("postActions"))
        {
            // Without ids there is no key: the engine cannot match a translation to the post action.
            var id = action.GetString("id") ?? throw new InvalidDataException("a post action has no id, so it cannot be localized");
            Add($"postActions/{id}/description", action, "description");
            foreach (var instruction in action.Objects("manualInstructions"))
            {
                var instructionId = instruction.GetString("id")
                    ?? throw new InvalidDataException($"a manual instruction of post action '{id}' has no id, so it cannot be localized");
                Add($"postActions/{id}/manualInstructions/{instructionId}/text", instruction, "text");
            }
        }

        return strings;
    }
}
