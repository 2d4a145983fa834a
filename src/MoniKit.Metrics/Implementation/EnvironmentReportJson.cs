using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// Writes <c>/env</c>: what is running and where. It reads only the service identity and the runtime, never
/// environment variables or configuration, so no secret can leak through it. The identity's free-text values go
/// through the redaction policy too: a version stamped by a build as a URL with credentials is written without them.
/// </summary>
internal static class EnvironmentReportJson
{
    private static readonly DateTimeOffset ProcessStart = ReadProcessStart();

    public static byte[] Write(MoniKitOptions service, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("name", service.ServiceName);
            json.WriteString("version", RedactionPolicy.Default.RedactUrls(service.ServiceVersion));
            json.WriteString("environment", RedactionPolicy.Default.RedactUrls(service.Environment));
            json.WriteString("framework", RuntimeInformation.FrameworkDescription);
            json.WriteString("runtimeIdentifier", RuntimeInformation.RuntimeIdentifier);
            json.WriteString("os", RuntimeInformation.OSDescription);
            json.WriteString("architecture", RuntimeInformation.ProcessArchitecture.ToString());
            json.WriteString("host", Environment.MachineName);
            json.WriteNumber("processId", Environment.ProcessId);
            json.WriteNumber("processorCount", Environment.ProcessorCount);
            json.WriteString("processStartTime", ProcessStart.ToString("O", CultureInfo.InvariantCulture));
            json.WriteNumber("uptimeSeconds", Math.Round((now - ProcessStart).TotalSeconds, 3));
            json.WriteString("uptime", (now - ProcessStart).ToString(@"d\.hh\:mm\:ss", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static DateTimeOffset ReadProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
    }
}
