using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoniKit.Metrics;

namespace MoniKit.Hosting.Implementation;

/// <summary>
/// Serves the management endpoints on <c>MoniKit:Management:Port</c> through <see cref="HttpListener"/>, so that a
/// worker needs no ASP.NET Core. It answers the management paths only (404 for any other), on loopback unless
/// <c>MoniKit:Management:Host</c> says otherwise; a port or address that cannot be bound fails start-up naming the key.
/// </summary>
internal sealed class ManagementListenerService(ManagementEndpoints endpoints, ILogger<ManagementListenerService> logger) : IHostedService, IDisposable
{
    private const string PortKey = $"{MoniKitOptions.SectionName}:{MoniKitManagementOptions.SectionName}:{nameof(MoniKitManagementOptions.Port)}";
    private const string HostKey = $"{MoniKitOptions.SectionName}:{MoniKitManagementOptions.SectionName}:{nameof(MoniKitManagementOptions.Host)}";

    private readonly HttpListener _listener = new() { IgnoreWriteExceptions = true };
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = endpoints.Options;
        var port = options.Port ?? throw new InvalidOperationException($"{PortKey} is not set.");

        // Without a Host a worker's endpoints stay on loopback; a container sets MoniKit:Management:Host to '*'.
        var host = options.Host ?? "localhost";
        foreach (var prefix in ManagementListenerPrefix.For(host, port))
        {
            _listener.Prefixes.Add(prefix);
        }

        try
        {
            _listener.Start();
        }
        catch (Exception ex) when (ex is HttpListenerException or SocketException or ArgumentException)
        {
            throw new MoniKitConfigurationException(
                !IsUsable(host)
                    ? $"{HostKey} '{host}' cannot be listened on: {ex.Message}. Set {HostKey} to an address of this machine, 'localhost' or '*'"
                    : $"{PortKey} {port} cannot be listened on at '{host}' ({HostKey}): {ex.Message}. Choose a free port with {PortKey}",
                ex);
        }

        logger.LogInformation("Management endpoints listening on {ManagementPrefixes}: {ManagementPaths}", string.Join(", ", _listener.Prefixes), string.Join(", ", endpoints.Paths));
        _loop = AcceptAsync();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_listener.IsListening)
        {
            _listener.Stop();
        }

        // The token is already cancelled when an earlier service used up the shutdown timeout: the loop ends on its
        // own once the listener is stopped, and stopping must not throw, or the host aborts instead of exiting.
        if (_loop is not null)
        {
            await Task.WhenAny(_loop, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stopping.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException ex)
            {
                logger.LogWarning(ex, "The management listener failed to accept a request");
                continue;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var answer = await endpoints.HandleAsync(
                new ManagementRequest(request.HttpMethod, request.Url?.AbsolutePath ?? "/", name => request.Headers[name]),
                _stopping.Token).ConfigureAwait(false);
            answer ??= new ManagementResponse(404, "text/plain; charset=utf-8", "not found\n"u8.ToArray());
            response.StatusCode = answer.StatusCode;
            response.ContentType = answer.ContentType;
            foreach (var (name, value) in answer.Headers)
            {
                response.AddHeader(name, value);
            }

            if (!string.Equals(request.HttpMethod, "HEAD", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentLength64 = answer.Body.Length;
                await response.OutputStream.WriteAsync(answer.Body, _stopping.Token).ConfigureAwait(false);
            }

            // Scrapes come every few seconds: they are worth a line only when debugging.
            logger.LogDebug("Management {Method} {Path} answered {StatusCode}", request.HttpMethod, request.Url?.AbsolutePath, answer.StatusCode);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The management endpoint {Path} failed", request.Url?.AbsolutePath);
            TrySetStatus(response, 500);
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // The client went away; nothing is left to answer.
            }
        }
    }

    private static void TrySetStatus(HttpListenerResponse response, int status)
    {
        try
        {
            response.StatusCode = status;
        }
        catch (InvalidOperationException)
        {
            // Headers were already sent.
        }
    }

    // Any port will do: only an address this machine does not have fails to bind to port 0.
    private static bool IsUsable(string host)
    {
        if (!IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return true;
        }

        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, 0));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
