using System.Text.Json;

namespace MoniKit.Templates.Tests.Infrastructure;

/// <summary>Reads what a generated service wrote: JSON lines on stdout and in its log files.</summary>
public static class LogLines
{
    /// <summary>Every line of every <c>*.json</c> file in the folder, archives included.</summary>
    public static IReadOnlyList<string> FromFiles(string logDirectory) => Directory.Exists(logDirectory)
        ? Directory.EnumerateFiles(logDirectory, "*.json", SearchOption.AllDirectories).SelectMany(File.ReadAllLines).Where(l => l.Length > 0).ToList()
        : [];

    /// <summary>Parses each line as one JSON object, failing the test on the first that is not.</summary>
    public static IReadOnlyList<JsonElement> ParseAll(IEnumerable<string> lines, string source)
    {
        var parsed = new List<JsonElement>();
        foreach (var line in lines)
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                Assert.AreEqual(JsonValueKind.Object, document.RootElement.ValueKind, $"{source}: not a JSON object: {line}");
                parsed.Add(document.RootElement.Clone());
            }
            catch (JsonException ex)
            {
                Assert.Fail($"{source}: a line is not JSON ({ex.Message}): {line}");
            }
        }

        return parsed;
    }

    public static string? Get(this JsonElement line, string field) =>
        line.TryGetProperty(field, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;
}
