using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace MoniKit.TestInfrastructure;

/// <summary>
/// A loopback server that answers like a Slack incoming webhook: <c>200 ok</c>, <c>429</c> with <c>Retry-After</c>,
/// <c>500</c>, <c>400 invalid_blocks</c>, slowly, or never. It records every POST with its arrival time. Its URL has
/// the shape of a real webhook, whose last segment is the secret, so tests can check the secret never leaks.
/// </summary>
public sealed class SlackSink : IAsyncDisposable
{
    /// <summary>The secret part of the sink's webhook URL.</summary>
    public const string SecretPath = "/services/T0TEST/B0TEST/s3cr3tWebhookToken";

    private readonly ConcurrentQueue<SlackSinkBehavior> _script = new();
    private readonly List<SlackSinkRequest> _requests = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly LoopbackListener _listener;

    /// <summary>Starts the sink on a free loopback port.</summary>
    public SlackSink()
    {
        _listener = new LoopbackListener(AnswerAsync);
        WebhookUrl = new Uri(_listener.BaseUrl, SecretPath);
    }

    /// <summary>The URL to configure as the webhook.</summary>
    public Uri WebhookUrl { get; }

    /// <summary>How requests are answered once the script is used up. Default: <see cref="SlackSinkBehavior.Ok"/>.</summary>
    public SlackSinkBehavior Behavior { get; set; } = SlackSinkBehavior.Ok;

    /// <summary>The <c>Retry-After</c> seconds of a 429 answer. Default: 2.</summary>
    public int RetryAfterSeconds { get; set; } = 2;

    /// <summary>How long the sink waits before each answer, as a slow Slack would. Default: none.</summary>
    public TimeSpan AnswerDelay { get; set; }

    /// <summary>Every POST received so far.</summary>
    public IReadOnlyList<SlackSinkRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Answers the next requests with <paramref name="behaviors"/>, in order, then with <see cref="Behavior"/>.</summary>
    public void Script(params SlackSinkBehavior[] behaviors)
    {
        foreach (var behavior in behaviors)
        {
            _script.Enqueue(behavior);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the requests so far, or the time is up; returns them.</summary>
    public async Task<IReadOnlyList<SlackSinkRequest>> WaitForAsync(Func<IReadOnlyList<SlackSinkRequest>, bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var requests = Requests;
            if (condition(requests) || clock.Elapsed > timeout)
            {
                return requests;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits for the first request that matches; <see langword="null"/> when the time is up.</summary>
    public async Task<SlackSinkRequest?> WaitForFirstAsync(Func<SlackSinkRequest, bool> match, TimeSpan timeout) =>
        (await WaitForAsync(requests => requests.Any(match), timeout)).FirstOrDefault(match);

    /// <summary>Stops listening; requests still held open are abandoned.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _listener.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        var arrivedAt = DateTimeOffset.UtcNow;
        var response = context.Response;
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                body = await reader.ReadToEndAsync();
            }

            if (context.Request.HttpMethod != "POST")
            {
                response.StatusCode = 405;
                response.Close();
                return;
            }

            var behavior = _script.TryDequeue(out var scripted) ? scripted : Behavior;
            lock (_requests)
            {
                _requests.Add(new SlackSinkRequest(arrivedAt, arrived, context.Request.Url?.AbsolutePath ?? "/", body, behavior));
            }

            if (AnswerDelay > TimeSpan.Zero)
            {
                await Task.Delay(AnswerDelay, _stopping.Token);
            }

            var (status, text) = behavior switch
            {
                SlackSinkBehavior.TooManyRequests => (429, "rate_limited"),
                SlackSinkBehavior.ServerError => (500, "internal_error"),
                SlackSinkBehavior.BadRequest => (400, "invalid_blocks"),
                SlackSinkBehavior.Hang => (0, string.Empty),
                _ => (200, "ok"),
            };
            if (status == 0)
            {
                await Task.Delay(Timeout.Infinite, _stopping.Token);
            }

            response.StatusCode = status;
            response.ContentType = "text/plain";
            if (status == 429)
            {
                response.AddHeader("Retry-After", RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));
            }

            await response.OutputStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text));
            response.Close();
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // The sink is stopping, or the client went away: the request is abandoned unanswered.
            try
            {
                response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
