namespace MoniKit.AspNetCore.Implementation;

/// <summary>How a captured request body is read.</summary>
internal enum BodyKind
{
    /// <summary>Not captured: only its type and length are logged.</summary>
    Other,

    /// <summary><c>application/json</c>, <c>text/json</c> or any <c>+json</c> type.</summary>
    Json,

    /// <summary><c>application/x-www-form-urlencoded</c>.</summary>
    Form,

    /// <summary><c>multipart/form-data</c> with a boundary.</summary>
    Multipart,
}
