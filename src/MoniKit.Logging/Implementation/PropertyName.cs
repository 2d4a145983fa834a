using System.Text;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// Where a structured property of one name goes, and its field names already escaped, decided once per name (see
/// "Structured properties" in <c>docs/log-schema.md</c>).
/// </summary>
internal sealed class PropertyName
{
    private PropertyName(string name, PropertyRole role, FieldType? schemaType, RedactionPolicy redaction)
    {
        Name = name;
        Role = role;
        SchemaType = schemaType;
        Sensitive = redaction.IsSensitiveName(name);
        TopLevelField = Field(name);
        var key = LabelKey(name);
        LabelField = Field(LogFields.LabelsPrefix + key);
        ValueField = Field(LogFields.ValuesPrefix + key);
    }

    public string Name { get; }

    public PropertyRole Role { get; }

    /// <summary>The type of the schema field this name is; <see langword="null"/> for a name of the service's own.</summary>
    public FieldType? SchemaType { get; }

    /// <summary>Whether the value is a secret (<see cref="RedactionPolicy.IsSensitiveName(string)"/>), wherever it is written.</summary>
    public bool Sensitive { get; }

    /// <summary><c>,"name":</c></summary>
    public string TopLevelField { get; }

    /// <summary><c>,"labels.key":</c>, where a string that cannot stay at the top level goes.</summary>
    public string LabelField { get; }

    /// <summary><c>,"monikit.values.key":</c>, where a number or boolean that cannot stay at the top level goes.</summary>
    public string ValueField { get; }

    /// <summary>Classifies a name; <paramref name="redaction"/> (the host's policy) decides whether it holds a secret.</summary>
    public static PropertyName Classify(string name, RedactionPolicy redaction)
    {
        switch (name)
        {
            case PropertyWriter.OriginalFormat:
                return new(name, PropertyRole.Template, null, redaction);
            case PropertyWriter.EventIdProperty:
                return new(name, PropertyRole.EventId, null, redaction);
            case PropertyWriter.EventNameProperty:
                return new(name, PropertyRole.EventName, null, redaction);
            case LogFields.Kind:
                return new(name, PropertyRole.Kind, null, redaction);
        }

        if (SchemaFields.EventField(name) is { } type)
        {
            return new(name, PropertyRole.TopLevel, type, redaction);
        }

        // Elasticsearch rejects an empty name and an empty segment between dots, so such a name moves too.
        var own = name.Length > 0 && !name.StartsWith('.') && !name.EndsWith('.')
            && !name.Contains("..", StringComparison.Ordinal) && !SchemaFields.HasReservedRoot(name);
        return new(name, own ? PropertyRole.TopLevel : PropertyRole.Moved, null, redaction);
    }

    // ecs-logging's rule for label keys: no dot (a label never nests), no '*' or '\'.
    private static string LabelKey(string name) => name.Length == 0
        ? "_"
        : name.Replace('.', '_').Replace('*', '_').Replace('\\', '_');

    private static string Field(string name)
    {
        var builder = new StringBuilder(name.Length + 4).Append(',');
        JsonText.AppendString(builder, name);
        return builder.Append(':').ToString();
    }
}
