using System.Collections.Concurrent;

namespace MoniKit.Alerting.Slack.Tests;

/// <summary>
/// A local server that answers like a Slack incoming webhook: <c>200 ok</c>, <c>429</c> with <c>Retry-After</c>,
/// <c>500</c>, or a connection that never answers. It records every request with its arrival time.
/// </summary>
public sealed class SlackSink : IAsyncDisposable
{
    public const string SecretPath = "/services/T0TEST/B0TEST/s3cr3tWebhookToken";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SinkBehavior> _script = new();
    private readonly List<SinkRequest> _requests = [];
    private readonly CancellationTokenSource _stopping = new();

    private SlackSink(WebApplication app) => _app = app;

    public SinkBehavior Behavior { get; set; } = SinkBehavior.Ok;

    public int RetryAfterSeconds { get; set; } = 2;

    public Uri WebhookUrl { get; private set; } = null!;

    public IReadOnlyList<SinkRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<SlackSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var sink = new SlackSink(app);
        app.MapPost("/services/{**rest}", sink.HandleAsync);
        await app.StartAsync();
        var address = app.Urls.First();
        sink.WebhookUrl = new Uri(new Uri(address), SecretPath);
        return sink;
    }

    /// <summary>Answers the next requests with <paramref name="behaviors"/>, in order, then with <see cref="Behavior"/>.</summary>
    public void Script(params SinkBehavior[] behaviors)
    {
        foreach (var behavior in behaviors)
        {
            _script.Enqueue(behavior);
        }
    }

    public async Task<IReadOnlyList<SinkRequest>> WaitForAsync(Func<IReadOnlyList<SinkRequest>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var requests = Requests;
            if (condition(requests) || DateTime.UtcNow > deadline)
            {
                return requests;
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = DateTimeOffset.UtcNow;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var behavior = _script.TryDequeue(out var scripted) ? scripted : Behavior;
        lock (_requests)
        {
            _requests.Add(new SinkRequest(arrived, context.Request.Path, body, behavior));
        }

        switch (behavior)
        {
            case SinkBehavior.Ok:
                await context.Response.WriteAsync("ok");
                break;
            case SinkBehavior.TooManyRequests:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.Response.WriteAsync("rate_limited");
                break;
            case SinkBehavior.ServerError:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("internal_error");
                break;
            default:
                using (var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                {
                    await Task.Delay(Timeout.Infinite, both.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                context.Abort();
                break;
        }
    }
}
