namespace MoniKit.Logging.Implementation;

/// <summary>The JSON type a schema field takes; a property of another type is moved rather than written there.</summary>
internal enum FieldType
{
    /// <summary>A string.</summary>
    Text,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A string or <c>null</c>.</summary>
    TextOrNull,
}
