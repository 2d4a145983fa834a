using System.Text.Json;
using MoniKit.Logging;
using MoniKit.Testing.Implementation;

namespace MoniKit.Testing;

/// <summary>
/// Checks a line against the current MoniKit log schema (<see cref="LogFields.CurrentSchemaVersion"/>), read from the
/// JSON Schema file shipped in MoniKit.Logging, and against the rules on field names that an index enforces.
/// </summary>
public static class LogSchema
{
    /// <summary>The manifest resource name of the current schema inside the MoniKit.Logging assembly.</summary>
    public const string ResourceName = "MoniKit.Logging.log-schema.v" + LogFields.CurrentSchemaVersion + ".json";

    private static readonly Lazy<(string Text, SchemaValidator Validator)> Loaded = new(Load);

    /// <summary>The JSON Schema (draft 2020-12) text.</summary>
    public static string JsonSchema => Loaded.Value.Text;

    /// <summary>
    /// Returns every way <paramref name="jsonLine"/> breaks the schema: not a single line, not one JSON object,
    /// a missing or malformed field, a duplicate field, a field name that is also the dotted prefix of another
    /// (<c>url</c> beside <c>url.path</c>, which Elasticsearch rejects). An empty list means the line conforms.
    /// </summary>
    /// <param name="jsonLine">One line as written to a log file or the console, without its line ending.</param>
    /// <returns>The errors, each naming the field.</returns>
    public static IReadOnlyList<string> Validate(string jsonLine)
    {
        ArgumentNullException.ThrowIfNull(jsonLine);
        var errors = new List<string>();
        if (jsonLine.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            errors.Add("the line contains a line break");
            return errors;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(jsonLine);
        }
        catch (JsonException ex)
        {
            errors.Add("the line is not valid JSON: " + ex.Message);
            return errors;
        }

        using (document)
        {
            Loaded.Value.Validator.Validate(document.RootElement, errors);
            FieldNames.Check(document.RootElement, errors);
        }

        return errors;
    }

    private static (string, SchemaValidator) Load()
    {
        using var stream = typeof(MoniKitJsonLayout).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from MoniKit.Logging.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        using var document = JsonDocument.Parse(text);
        var schema = document.RootElement.Clone();
        SchemaKeywords.Check(schema);
        return (text, new SchemaValidator(schema));
    }
}
