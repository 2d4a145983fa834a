using System.Globalization;
using Microsoft.Data.Sqlite;
using OpenTelemetry.Trace;

namespace MoniKit.Tracing.Tests;

[TestClass]
public sealed class WorkerTracingTests
{
    [TestMethod]
    public async Task JobRun_WithVariablesSet_IsARootSpanWithTheIdsOfItsLineAndParentsItsDbSpan()
    {
        await using var receiver = new OtlpReceiver();
        var directory = Path.Combine(Path.GetTempPath(), "monikit-tracing-tests", Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", ApplicationName = "billing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MoniKit:Management:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["MoniKit:Management:Host"] = "127.0.0.1",
            ["MoniKit:Logging:Directory"] = directory,
            ["MoniKit:Logging:Console"] = "None",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        var capture = builder.Services.AddMoniKitLogCapture();
        builder.AddMoniKit();
        builder.AddMoniKitDbConnection(_ => new SqliteConnection("Data Source=:memory:"));
        builder.AddMoniKitJob<CountTablesJob>(TimeSpan.FromHours(1));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var line = await capture.WaitForLineAsync(l => l.GetProperty("monikit.kind").GetString() == "job");
            Assert.IsTrue(host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));

            var traceId = line.GetProperty("trace.id").GetString();
            var spans = await receiver.WaitForAsync(s => s.Count(x => x.TraceId == traceId) >= 2, TimeSpan.FromSeconds(20));
            var job = spans.Single(s => s.Scope == "MoniKit.Jobs");
            Assert.AreEqual("job count-tables", job.Name);
            Assert.IsNull(job.ParentSpanId, "a run is a root span");
            Assert.AreEqual(traceId, job.TraceId);
            Assert.AreEqual(line.GetProperty("span.id").GetString(), job.SpanId);
            Assert.AreEqual("success", job.Attribute("monikit.job.outcome"));
            Assert.AreEqual("billing", job.Resource["service.name"]);
            var db = spans.Single(s => s.Scope == "MoniKit.Data");
            Assert.AreEqual(job.TraceId, db.TraceId);
            Assert.AreEqual(job.SpanId, db.ParentSpanId);
        }
        finally
        {
            await host.StopAsync();
            Directory.Delete(directory, recursive: true);
        }
    }
}
