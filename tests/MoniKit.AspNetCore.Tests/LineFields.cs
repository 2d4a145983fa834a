using System.Text.Json;

namespace MoniKit.AspNetCore.Tests;

/// <summary>Reads a field of a captured line that may not have it, so a predicate never throws on other lines.</summary>
internal static class LineFields
{
    public static string? Text(this JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    public static int? Number(this JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
