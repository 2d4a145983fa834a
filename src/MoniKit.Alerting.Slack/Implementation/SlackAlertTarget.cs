using NLog;
using NLog.Targets;

namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>
/// The NLog target behind the alerts. <see cref="Write(LogEventInfo)"/> runs on the logging thread, so it only copies
/// what a message needs and hands it to the bounded <see cref="AlertQueue"/>; it never blocks and never throws.
/// </summary>
internal sealed class SlackAlertTarget : Target
{
    internal const int MaxMessageLength = 2000;
    internal const int MaxTemplateLength = 500;
    internal const int StackLines = 5;
    internal const int MaxStackLineLength = 300;

    private readonly AlertQueue _queue;

    public SlackAlertTarget(AlertQueue queue)
    {
        _queue = queue;
        Name = "monikit-alerts";
    }

    protected override void Write(LogEventInfo logEvent)
    {
        if (SenderScope.IsActive || logEvent.LoggerName?.StartsWith(SlackWebhookClient.LoggerPrefix, StringComparison.Ordinal) == true)
        {
            return;
        }

        try
        {
            _queue.Enqueue(Capture(logEvent));
        }
#pragma warning disable CA1031 // An alert must never turn into a failure of the code that logged.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    internal static AlertEvent Capture(LogEventInfo logEvent)
    {
        var exception = logEvent.Exception;
        string? errorMessage = null;
        if (exception is not null)
        {
            errorMessage = exception.InnerException is { } inner
                ? $"{exception.Message} ---> {inner.GetType().FullName}: {inner.Message}"
                : exception.Message;
        }

        return new AlertEvent(
            Timestamp: new DateTimeOffset(logEvent.TimeStamp.ToUniversalTime(), TimeSpan.Zero),
            Level: logEvent.Level.Name,
            Logger: logEvent.LoggerName ?? string.Empty,
            Message: Truncate(logEvent.FormattedMessage ?? string.Empty, MaxMessageLength),
            MessageTemplate: Truncate(logEvent.Message ?? string.Empty, MaxTemplateLength),
            ErrorType: exception?.GetType().FullName,
            ErrorMessage: errorMessage is null ? null : Truncate(errorMessage, MaxMessageLength),
            StackTrace: FirstLines(exception?.StackTrace),
            TraceId: TraceContext.CurrentTraceId);
    }

    private static string? FirstLines(string? stackTrace)
    {
        if (string.IsNullOrEmpty(stackTrace))
        {
            return null;
        }

        var lines = stackTrace.Split('\n', StackLines + 1);
        var count = Math.Min(lines.Length, StackLines);
        var kept = new string[count];
        for (var i = 0; i < count; i++)
        {
            kept[i] = Truncate(lines[i].TrimEnd('\r'), MaxStackLineLength);
        }

        return string.Join('\n', kept);
    }

    private static string Truncate(string value, int length) =>
        value.Length <= length ? value : string.Concat(value.AsSpan(0, length - 1), "…");
}
