using System.Collections.Concurrent;
using System.Diagnostics;

namespace MoniKit.Templates.Tests.Stack;

/// <summary>Requests a list of paths over and over until disposed, recording when each status code was first seen.</summary>
public sealed class BackgroundTraffic : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, long> _firstSeen = new();
    private readonly ConcurrentDictionary<int, int> _counts = new();
    private readonly Task _loop;

    private BackgroundTraffic(HttpClient client, IReadOnlyList<string> paths, TimeSpan pause) =>
        _loop = Task.Run(() => RunAsync(client, paths, pause));

    public static BackgroundTraffic Start(HttpClient client, TimeSpan pause, params string[] paths) => new(client, paths, pause);

    /// <summary>The <see cref="Stopwatch"/> timestamp of the first response with <paramref name="status"/>, if any.</summary>
    public long? FirstSeen(int status) => _firstSeen.TryGetValue(status, out var timestamp) ? timestamp : null;

    public int Count(int status) => _counts.GetValueOrDefault(status);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync(HttpClient client, IReadOnlyList<string> paths, TimeSpan pause)
    {
        while (!_stop.IsCancellationRequested)
        {
            foreach (var path in paths)
            {
                try
                {
                    using var response = await client.GetAsync(path, _stop.Token);
                    var status = (int)response.StatusCode;
                    _firstSeen.TryAdd(status, Stopwatch.GetTimestamp());
                    _counts.AddOrUpdate(status, 1, (_, n) => n + 1);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (HttpRequestException)
                {
                    // The service was killed: that is what the test is after.
                }
            }

            try
            {
                await Task.Delay(pause, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
