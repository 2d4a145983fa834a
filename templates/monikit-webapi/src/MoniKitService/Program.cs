var builder = WebApplication.CreateBuilder(args);
builder.AddMoniKit();

var app = builder.Build();
app.UseMoniKit();

app.MapGet("/orders/{id:int}", (int id, ILogger<Program> logger) =>
{
    // MoniKit already writes one http.inbound line per request; per-request detail belongs at Debug.
    logger.LogDebug("Looked up order {OrderId}", id);
    return id > 0 ? Results.Ok(new { id, status = "shipped" }) : Results.NotFound();
});

// Shows what an unhandled error looks like: a problem+json 500, one Error line, one alert. Delete when you like.
app.MapGet("/demo/failure", string () => throw new InvalidOperationException("Demonstration failure"));

app.Run();

/// <summary>The entry point, public so that tests can host the service.</summary>
public partial class Program;
