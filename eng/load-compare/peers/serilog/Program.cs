using Prometheus;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

var builder = WebApplication.CreateBuilder(args);

// Serilog.AspNetCore's request logging: one event per request, written by a background thread (Serilog.Sinks.Async)
// as rendered compact JSON to a file rolled at 5 MB. Buffered, as the file sink advises for throughput, and flushed
// every second so that lines do not wait for a full buffer. Logs:MaxArchiveFiles counts the rolled files kept beside
// the active one (0 keeps all of them), as MoniKit's MaxArchiveFiles does; Serilog's own limit counts the active file.
var maxArchiveFiles = builder.Configuration.GetValue("Logs:MaxArchiveFiles", 5);
builder.Services.AddSerilog(logger => logger
    .MinimumLevel.Information()
    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
    .Enrich.FromLogContext()
    .Enrich.WithProperty("ServiceName", "orders")
    .WriteTo.Async(sink => sink.File(
        new RenderedCompactJsonFormatter(),
        "logs/orders.json",
        fileSizeLimitBytes: 5 * 1024 * 1024,
        rollOnFileSizeLimit: true,
        retainedFileCountLimit: maxArchiveFiles == 0 ? null : maxArchiveFiles + 1,
        buffered: true,
        flushToDiskInterval: TimeSpan.FromSeconds(1))));

var app = builder.Build();

app.UseSerilogRequestLogging(options =>
{
    // The request fields the default event lacks: the route template, the client and its user agent.
    options.EnrichDiagnosticContext = (diagnostics, context) =>
    {
        diagnostics.Set("RequestRoute", (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText);
        diagnostics.Set("ClientIp", context.Connection.RemoteIpAddress?.ToString());
        diagnostics.Set("UserAgent", context.Request.Headers.UserAgent.ToString());
    };
});
app.UseHttpMetrics();

app.MapGet("/orders/{id:int}", (int id, ILogger<Program> logger) =>
{
    logger.LogDebug("Looked up order {OrderId}", id);
    return id > 0 ? Results.Ok(new { id, status = "shipped" }) : Results.NotFound();
});
app.MapMetrics();

app.Run();
