using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Trace;

namespace MoniKit.Tracing.Tests;

[TestClass]
public sealed class EntityFrameworkTracingTests
{
    // Any MoniKit.* source is exported: this one stands in for a request or a job run.
    private static readonly ActivitySource Operation = new("MoniKit.Tests");

    [TestMethod]
    public async Task EfCoreCommand_InsideAnOperation_IsADbSpanChildOfItWithoutParameterValues()
    {
        const string Secret = "note-secret-5d1c";
        await using var receiver = new OtlpReceiver();
        var database = Path.Combine(Path.GetTempPath(), "monikit-tracing-" + Guid.NewGuid().ToString("N") + ".db");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", ApplicationName = "notes" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        builder.AddMoniKitTracing();
        builder.AddMoniKitData();
        builder.Services.AddDbContext<NotesContext>((sp, o) => o.UseSqlite($"Data Source={database};Pooling=False").UseMoniKit(sp));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            string traceId, spanId;
            using (var scope = host.Services.CreateScope())
            using (var operation = Operation.StartActivity("operation"))
            {
                Assert.IsNotNull(operation, "the tracer listens to MoniKit.* sources");
                traceId = operation.TraceId.ToHexString();
                spanId = operation.SpanId.ToHexString();
                var db = scope.ServiceProvider.GetRequiredService<NotesContext>();
                await db.Database.EnsureCreatedAsync();
                db.Notes.Add(new Note { Text = Secret });
                await db.SaveChangesAsync();
                Assert.AreEqual(1, await db.Notes.CountAsync(n => n.Text == Secret));
                Assert.AreSame(operation, Activity.Current, "a db span never stays current");
            }

            Assert.IsTrue(host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
            var spans = await receiver.WaitForAsync(s => s.Any(x => x.Name.StartsWith("SELECT", StringComparison.Ordinal)), TimeSpan.FromSeconds(20));
            var dbSpans = spans.Where(s => s.Scope == "MoniKit.Data").ToList();
            Assert.IsTrue(dbSpans.Any(s => s.Name == "INSERT Notes"), string.Join('\n', dbSpans));
            Assert.IsTrue(dbSpans.Any(s => s.Name == "SELECT Notes"), string.Join('\n', dbSpans));
            foreach (var span in dbSpans)
            {
                Assert.AreEqual(traceId, span.TraceId);
                Assert.AreEqual(spanId, span.ParentSpanId);
                Assert.AreEqual("sqlite", span.Attribute("db.system.name"));
                Assert.IsFalse(span.Attributes.Values.Any(v => v.Contains(Secret, StringComparison.Ordinal)), string.Join(", ", span.Attributes));
            }
        }
        finally
        {
            await host.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }
}
