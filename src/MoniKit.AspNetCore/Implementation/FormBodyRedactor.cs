using System.Text;

namespace MoniKit.AspNetCore.Implementation;

/// <summary>
/// An <c>application/x-www-form-urlencoded</c> body, field by field: it is a query string, so the query rule masks
/// it, names decoded first. A cut body ends with the truncation mark; a field cut in its name shows no value.
/// </summary>
internal static class FormBodyRedactor
{
    public static string Redact(RedactionPolicy redaction, ReadOnlySpan<byte> body, bool isComplete)
    {
        var text = Encoding.UTF8.GetString(body);
        // The query rule drops one leading '?', which in a form body belongs to the first name.
        var redacted = redaction.RedactQuery(text.StartsWith('?') ? "?" + text : text);
        return isComplete ? redacted : redacted + SafeText.TruncationMark;
    }
}
