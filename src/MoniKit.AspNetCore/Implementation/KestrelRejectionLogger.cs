using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MoniKit.AspNetCore.Implementation;

/// <summary>
/// Writes one <c>http.inbound</c> line for each request Kestrel rejected before the application saw it. Kestrel
/// tells only the status and a reason, whose detail may quote the raw request line or a header value (a secret,
/// perhaps): only the reason's words before any quoted detail are kept. The method is <c>_OTHER</c> (OpenTelemetry's
/// word for a method not known), the path is empty, and the duration is not measured.
/// </summary>
internal sealed class KestrelRejectionLogger(Lazy<ILogger> requests, AnsweredRejections answered, Func<IExternalScopeProvider?> scopes) : ILogger
{
    private const string BadRequestEvent = "ConnectionBadRequest";
    private const string HostingActivity = "Microsoft.AspNetCore.Hosting.HttpRequestIn";
    private static readonly EventId InboundEvent = new(1, EventKinds.HttpInbound);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        // A request that reached the pipeline (a body over the limit) gets its line from the request middleware.
        if (eventId.Name != BadRequestEvent || exception is not BadHttpRequestException rejected || InRequest() || answered.Remove(ConnectionId()))
        {
            return;
        }

        var status = rejected.StatusCode;
        var level = status >= 500 ? LogLevel.Error : LogLevel.Warning;
        var logger = requests.Value;
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var message = string.Create(CultureInfo.InvariantCulture, $"HTTP request rejected by Kestrel with {status} before it reached the application: {Reason(rejected.Message)}");
        var line = new StructuredLogState(message)
            .Add(LogFields.Kind, EventKinds.HttpInbound)
            .Add(LogFields.HttpRequestMethod, "_OTHER")
            .Add(LogFields.UrlPath, string.Empty)
            .Add(LogFields.HttpResponseStatusCode, status)
            .Add(LogFields.EventDuration, 0L);
        logger.Log(level, InboundEvent, line, null, StructuredLogState.Formatter);
    }

    /// <summary><c>Invalid request header: 'Authorization ...'</c> becomes <c>Invalid request header</c>.</summary>
    internal static string Reason(string message)
    {
        var cut = message.IndexOfAny([':', '\'', '"']);
        var reason = (cut < 0 ? message : message[..cut]).Trim().TrimEnd('.');
        return SafeText.Truncate(SafeText.EscapeControlCharacters(reason), 200);
    }

    // Kestrel logs inside a scope that names the connection.
    private string? ConnectionId()
    {
        var found = new StrongBox<string?>();
        scopes()?.ForEachScope(
            static (scope, box) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        if (key == "ConnectionId" && value is string id)
                        {
                            box.Value = id;
                        }
                    }
                }
            },
            found);
        return found.Value;
    }

    private static bool InRequest()
    {
        for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
        {
            if (activity.OperationName == HostingActivity)
            {
                return true;
            }
        }

        return false;
    }
}
