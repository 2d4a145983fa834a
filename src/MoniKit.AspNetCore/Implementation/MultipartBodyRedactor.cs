using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace MoniKit.AspNetCore.Implementation;

/// <summary>
/// A <c>multipart/form-data</c> body, part by part, written as a JSON object of part names: a part whose name is a
/// secret is masked, a file or a part of another type is described, a JSON or form part is redacted by its own rule,
/// and a text part is kept. Parts cut by the size limit end the object with the truncation mark; a part whose headers
/// were cut is left out.
/// </summary>
internal static class MultipartBodyRedactor
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The result is text inside a log field, which the layout escapes again; readable non-ASCII is worth more.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Redact(RedactionPolicy redaction, ReadOnlySpan<byte> body, string boundary, bool isComplete)
    {
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var output = new ArrayBufferWriter<byte>(body.Length + 64);
        var whole = false;
        using (var json = new Utf8JsonWriter(output, WriterOptions))
        {
            json.WriteStartObject();
            var start = body.IndexOf(delimiter);
            var rest = start < 0 ? [] : body[(start + delimiter.Length)..];
            while (!rest.IsEmpty && !rest.StartsWith("--"u8))
            {
                var headersEnd = rest.IndexOf("\r\n\r\n"u8);
                if (headersEnd < 0)
                {
                    break;
                }

                var content = rest[(headersEnd + 4)..];
                var next = content.IndexOf([.. "\r\n"u8, .. delimiter]);
                var partComplete = next >= 0 || isComplete;
                WritePart(json, redaction, rest[..headersEnd], next < 0 ? content : content[..next], partComplete);
                rest = next < 0 ? [] : content[(next + 2 + delimiter.Length)..];
                whole = next >= 0 && rest.StartsWith("--"u8);
            }

            if (whole || isComplete)
            {
                json.WriteEndObject();
            }

            json.Flush();
        }

        var text = Encoding.UTF8.GetString(output.WrittenSpan);
        return whole || isComplete ? text : text + SafeText.TruncationMark;
    }

    private static void WritePart(Utf8JsonWriter json, RedactionPolicy redaction, ReadOnlySpan<byte> headerBytes, ReadOnlySpan<byte> content, bool complete)
    {
        string? name = null;
        var isFile = false;
        MediaTypeHeaderValue? media = null;
        string? contentType = null;
        foreach (var range in headerBytes.Split("\r\n"u8))
        {
            var line = Encoding.UTF8.GetString(headerBytes[range]);
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim();
            if (line.AsSpan(0, colon).Trim().Equals(HeaderNames.ContentDisposition, StringComparison.OrdinalIgnoreCase)
                && ContentDispositionHeaderValue.TryParse(value, out var disposition))
            {
                name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
                isFile = disposition.FileName.HasValue || disposition.FileNameStar.HasValue;
            }
            else if (line.AsSpan(0, colon).Trim().Equals(HeaderNames.ContentType, StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
                media = MediaTypeHeaderValue.TryParse(value, out var parsed) ? parsed : null;
            }
        }

        json.WritePropertyName(string.IsNullOrEmpty(name) ? "(unnamed part)" : name);
        var length = complete ? content.Length : (long?)null;
        var kind = BodyKinds.Of(media);
        if (!string.IsNullOrEmpty(name) && redaction.IsSensitiveEncodedName(name))
        {
            json.WriteStringValue(Redaction.Mask);
        }
        else if (string.IsNullOrEmpty(name) || isFile || (contentType is not null && kind == BodyKind.Other && !IsText(media)))
        {
            json.WriteStringValue(BodyKinds.Describe(media, contentType, length, isFile ? "file, " : string.Empty));
        }
        else
        {
            json.WriteStringValue(kind switch
            {
                BodyKind.Json => redaction.RedactJson(content, complete),
                BodyKind.Form => FormBodyRedactor.Redact(redaction, content, complete),
                BodyKind.Multipart => BodyKinds.Describe(media, contentType, length),
                _ => complete ? Encoding.UTF8.GetString(content) : Encoding.UTF8.GetString(content) + SafeText.TruncationMark,
            });
        }
    }

    private static bool IsText(MediaTypeHeaderValue? media) => media is not null && media.MatchesMediaType("text/plain");
}
