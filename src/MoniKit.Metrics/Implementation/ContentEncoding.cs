using System.Globalization;
using System.IO.Compression;

namespace MoniKit.Metrics.Implementation;

/// <summary>Reads <c>Accept-Encoding</c> and compresses a body with gzip.</summary>
internal static class ContentEncoding
{
    public static bool AcceptsGzip(string? acceptEncoding)
    {
        if (string.IsNullOrEmpty(acceptEncoding))
        {
            return false;
        }

        foreach (var part in acceptEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var semicolon = part.IndexOf(';', StringComparison.Ordinal);
            var coding = (semicolon < 0 ? part : part[..semicolon]).Trim();
            if (!coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) && coding != "*")
            {
                continue;
            }

            return semicolon < 0 || Quality(part[(semicolon + 1)..]) > 0;
        }

        return false;
    }

    public static byte[] Gzip(byte[] body)
    {
        using var compressed = new MemoryStream(body.Length / 4 + 64);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return compressed.ToArray();
    }

    private static double Quality(string parameters)
    {
        foreach (var parameter in parameters.Split(';', StringSplitOptions.TrimEntries))
        {
            if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                && double.TryParse(parameter.AsSpan(2), NumberStyles.Float, CultureInfo.InvariantCulture, out var q))
            {
                return q;
            }
        }

        return 1;
    }
}
