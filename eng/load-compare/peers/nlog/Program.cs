using NLog.Web;
using OpenTelemetry.Metrics;

var builder = WebApplication.CreateBuilder(args);

// NLog.Web.AspNetCore as the only logging provider, configured by nlog.config. The ids of the request's Activity come
// into the scope ASP.NET Core opens for each request, where ${scopeproperty} reads them.
builder.Logging.ClearProviders();
builder.Host.UseNLog(new NLogAspNetCoreOptions { IncludeActivityIdsWithBeginScope = true });

// ASP.NET Core's own request and connection metrics, on /metrics.
builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
    .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
    .AddPrometheusExporter());

var app = builder.Build();

// One event per request, at its end, whose fields nlog.config's layout renders from the request.
app.UseMiddleware<NLogRequestLoggingMiddleware>();

app.MapGet("/orders/{id:int}", (int id, ILogger<Program> logger) =>
{
    logger.LogDebug("Looked up order {OrderId}", id);
    return id > 0 ? Results.Ok(new { id, status = "shipped" }) : Results.NotFound();
});
app.MapPrometheusScrapingEndpoint();

app.Run();
