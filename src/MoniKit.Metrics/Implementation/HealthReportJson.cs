using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// Writes a health report as JSON. Exceptions and check data are left out: they can carry connection strings or
/// host names; the status, description and duration are what a probe or a person needs.
/// </summary>
internal static class HealthReportJson
{
    public static byte[] Write(HealthReport report)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            json.WriteNumber("totalDurationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 3));
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(name);
                json.WriteString("status", entry.Status.ToString());
                if (entry.Description is not null)
                {
                    json.WriteString("description", entry.Description);
                }

                if (entry.Exception is not null)
                {
                    json.WriteString("error", entry.Exception.GetType().FullName);
                }

                json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 3));
                json.WriteStartArray("tags");
                foreach (var tag in entry.Tags)
                {
                    json.WriteStringValue(tag);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
