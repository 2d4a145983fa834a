using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MoniKit.Implementation;

/// <summary>
/// Masks every value (string, number, literal, object or array) under a secret name at any depth of a JSON text,
/// keeping the rest byte for byte. Names are judged after JSON unescaping, so <c>"pass\u0077ord"</c> is a password.
/// A text that is not valid JSON is masked whole: it is never half-parsed into the log.
/// </summary>
internal static class JsonBodyRedactor
{
    private static readonly byte[] MaskToken = Encoding.UTF8.GetBytes("\"" + Redaction.Mask + "\"");

    /// <param name="policy">The policy that judges names.</param>
    /// <param name="json">The UTF-8 text, or its start.</param>
    /// <param name="isComplete">Whether <paramref name="json"/> is the whole text; when not, it is cut after its last whole token.</param>
    public static string Redact(RedactionPolicy policy, ReadOnlySpan<byte> json, bool isComplete)
    {
        var output = new ArrayBufferWriter<byte>(json.Length + MaskToken.Length);
        var reader = new Utf8JsonReader(json, isComplete, default);
        var copied = 0;
        var maskNext = false;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    maskNext = IsSensitiveName(policy, ref reader);
                    continue;
                }

                if (!maskNext)
                {
                    continue;
                }

                maskNext = false;
                output.Write(json[copied..(int)reader.TokenStartIndex]);
                output.Write(MaskToken);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !SkipContainer(ref reader))
                {
                    // The secret runs past the captured bytes: nothing of it is kept.
                    return Encoding.UTF8.GetString(output.WrittenSpan) + SafeText.TruncationMark;
                }

                copied = (int)reader.BytesConsumed;
            }
        }
        catch (JsonException ex)
        {
            return Invalid(ex.LineNumber, ex.BytePositionInLine, json.Length);
        }
        catch (InvalidOperationException)
        {
            // A name that is not valid UTF-8.
            return Invalid(null, null, json.Length);
        }

        var end = isComplete ? json.Length : (int)reader.BytesConsumed;
        output.Write(json[copied..end]);
        var text = Encoding.UTF8.GetString(output.WrittenSpan);
        return isComplete ? text : text + SafeText.TruncationMark;
    }

    private static bool IsSensitiveName(RedactionPolicy policy, ref Utf8JsonReader reader)
    {
        var length = reader.ValueSpan.Length;
        char[]? rented = null;
        var buffer = length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            // Unescaping never makes a name longer than its UTF-8 bytes.
            var written = reader.CopyString(buffer);
            return policy.IsSensitiveName(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static bool SkipContainer(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == depth)
            {
                return true;
            }
        }

        return false;
    }

    private static string Invalid(long? line, long? position, int length) => line is not null && position is not null
        ? string.Create(CultureInfo.InvariantCulture, $"{Redaction.Mask} (invalid JSON at line {line + 1}, byte {position + 1}; {length} bytes)")
        : string.Create(CultureInfo.InvariantCulture, $"{Redaction.Mask} (invalid JSON; {length} bytes)");
}
