using System.Text.Json;

namespace MoniKit.Testing.Implementation;

/// <summary>
/// The checks on field names that JSON Schema cannot express. Elasticsearch and OpenSearch read a dotted name as an
/// object path, so they reject a line in which a name is also the dotted prefix of another (<c>url</c> beside
/// <c>url.path</c>: one field cannot be a value and an object), and a name that is empty or has an empty segment.
/// </summary>
internal static class FieldNames
{
    public static void Check(JsonElement line, List<string> errors)
    {
        if (line.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in line.EnumerateObject())
        {
            names.Add(property.Name);
        }

        foreach (var property in line.EnumerateObject())
        {
            var name = property.Name;
            if (name.Length == 0 || name.StartsWith('.') || name.EndsWith('.') || name.Contains("..", StringComparison.Ordinal))
            {
                errors.Add($"'{name}' is empty or has an empty segment between dots, which an index rejects");
                continue;
            }

            for (var dot = name.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = name.IndexOf('.', dot + 1))
            {
                var parent = name[..dot];
                if (names.Contains(parent))
                {
                    errors.Add($"'{parent}' is a value and also the parent of '{name}': an index that maps '{name}' rejects the line");
                }
            }
        }
    }
}
