using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace MoniKit.AspNetCore.Implementation;

/// <summary>Opt-in capture of request headers and body, with secrets masked and the body size-capped.</summary>
internal static partial class RequestCapture
{
    public static string Headers(HttpRequest request)
    {
        var builder = new StringBuilder();
        foreach (var (name, values) in request.Headers)
        {
            if (builder.Length > 0)
            {
                builder.Append("; ");
            }

            builder.Append(name).Append(": ").Append(Redaction.IsSensitiveHeader(name) ? Redaction.Mask : values.ToString());
        }

        return builder.ToString();
    }

    public static async Task<string?> ReadBodyAsync(HttpRequest request, int maxBytes)
    {
        if (maxBytes == 0 || request.ContentLength == 0 || request.Body is null)
        {
            return null;
        }

        request.EnableBuffering();
        var buffer = new byte[maxBytes];
        var read = 0;
        while (read < maxBytes)
        {
            var n = await request.Body.ReadAsync(buffer.AsMemory(read, maxBytes - read), request.HttpContext.RequestAborted);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        request.Body.Position = 0;
        if (read == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return SecretJsonValue().Replace(text, match => Redaction.IsSensitiveName(match.Groups["name"].Value)
            ? $"{match.Groups["key"].Value}\"{Redaction.Mask}\""
            : match.Value);
    }

    // "name": "value" pairs in a JSON or JSON-like body; the value is masked when the name looks like a secret.
    [GeneratedRegex("""(?<key>"(?<name>[^"\\]{1,100})"\s*:\s*)"(?:[^"\\]|\\.)*"?""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SecretJsonValue();
}
