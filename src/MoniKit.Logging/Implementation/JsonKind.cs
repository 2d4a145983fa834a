namespace MoniKit.Logging.Implementation;

/// <summary>The JSON type a structured property value is written as.</summary>
internal enum JsonKind
{
    /// <summary><c>null</c>.</summary>
    Null,

    /// <summary>A string: text, dates, enums, collections and anything else written as its text.</summary>
    String,

    /// <summary>A number: the integer types, <see cref="decimal"/>, and finite floating-point values.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,
}
