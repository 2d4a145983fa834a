using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MoniKit.Templates.Tests.Infrastructure;

namespace MoniKit.Templates.Tests.Stack;

/// <summary>
/// Stands in for Slack's incoming webhook: an HTTP listener on 127.0.0.1 that answers <c>ok</c> to every POST and
/// records its body and arrival time.
/// </summary>
public sealed class SlackSink : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<SlackSinkMessage> _messages = new();
    private readonly Task _loop;

    public SlackSink()
    {
        var port = RunningService.FreePort();
        WebhookUrl = new Uri($"http://127.0.0.1:{port}/services/T00000000/B00000000/sink");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ReceiveAsync);
    }

    /// <summary>The URL to configure as the webhook.</summary>
    public Uri WebhookUrl { get; }

    public IReadOnlyList<SlackSinkMessage> Messages => _messages.ToArray();

    /// <summary>Waits for the first message that matches, or returns null when the time is up.</summary>
    public async Task<SlackSinkMessage?> WaitForAsync(Func<SlackSinkMessage, bool> match, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var found = _messages.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(50);
        }

        return _messages.FirstOrDefault(match);
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var arrived = Stopwatch.GetTimestamp();
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var body = await reader.ReadToEndAsync();
                if (context.Request.HttpMethod == "POST")
                {
                    _messages.Enqueue(new SlackSinkMessage(arrived, DateTimeOffset.UtcNow, body, Titles(body)));
                }
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/plain";
            await context.Response.OutputStream.WriteAsync("ok"u8.ToArray());
            context.Response.Close();
        }
    }

    // Alertmanager's Slack notifier puts the title in the first attachment.
    private static List<string> Titles(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("attachments", out var attachments)
                ? attachments.EnumerateArray().Select(a => a.TryGetProperty("title", out var t) ? t.GetString() ?? string.Empty : string.Empty).ToList()
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
