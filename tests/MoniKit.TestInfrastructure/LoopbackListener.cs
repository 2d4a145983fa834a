using System.Net;

namespace MoniKit.TestInfrastructure;

/// <summary>
/// An HTTP listener on a free loopback port that hands every request to a handler of its own task, until disposed:
/// the server part of the loopback stand-ins (<see cref="SlackSink"/>, <see cref="OtlpReceiver"/>).
/// </summary>
internal sealed class LoopbackListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _answer;
    private readonly Task _loop;

    public LoopbackListener(Func<HttpListenerContext, Task> answer)
    {
        _answer = answer;
        var port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary><c>http://127.0.0.1:{port}</c>, without a trailing slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Stops accepting; requests still being answered are left to their handlers.</summary>
    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
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

            _ = Task.Run(() => _answer(context));
        }
    }
}
