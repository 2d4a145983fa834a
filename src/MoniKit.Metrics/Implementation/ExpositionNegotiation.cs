using System.Globalization;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// Chooses the format of <c>/metrics</c> from the <c>Accept</c> header: OpenMetrics 1.0 when the scraper accepts it at
/// least as much as plain text (Prometheus asks for it first), the Prometheus text format 0.0.4 otherwise.
/// </summary>
internal static class ExpositionNegotiation
{
    public const string PrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";
    public const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    public static PrometheusFormat Choose(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return PrometheusFormat.Text004;
        }

        double openMetrics = 0, text = 0;
        foreach (var range in accept.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parameters = range.Split(';', StringSplitOptions.TrimEntries);
            var mediaType = parameters[0];
            var (quality, version) = Parameters(parameters);
            if (mediaType.Equals("application/openmetrics-text", StringComparison.OrdinalIgnoreCase))
            {
                // Only 1.0.0 is written; a scraper that names another version alone gets plain text.
                if (version is null or "1.0.0")
                {
                    openMetrics = Math.Max(openMetrics, quality);
                }
            }
            else if (mediaType is "*/*" or "text/*" || mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
            {
                text = Math.Max(text, quality);
            }
        }

        return openMetrics > 0 && openMetrics >= text ? PrometheusFormat.OpenMetrics : PrometheusFormat.Text004;
    }

    public static string ContentType(PrometheusFormat format) =>
        format == PrometheusFormat.OpenMetrics ? OpenMetricsContentType : PrometheusContentType;

    private static (double Quality, string? Version) Parameters(string[] parameters)
    {
        double quality = 1;
        string? version = null;
        foreach (var parameter in parameters.AsSpan(1))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }

            var name = parameter[..equals].Trim();
            var value = parameter[(equals + 1)..].Trim().Trim('"');
            if (name.Equals("q", StringComparison.OrdinalIgnoreCase))
            {
                quality = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var q) ? q : 0;
            }
            else if (name.Equals("version", StringComparison.OrdinalIgnoreCase))
            {
                version = value;
            }
        }

        return (quality, version);
    }
}
