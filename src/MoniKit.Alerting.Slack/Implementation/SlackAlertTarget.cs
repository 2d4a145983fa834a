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
        string? errorGroup = null;
        if (exception is not null)
        {
            errorMessage = exception.InnerException is { } inner
                ? $"{exception.Message} ---> {inner.GetType().FullName}: {inner.Message}"
                : exception.Message;
            errorGroup = ErrorGrouping.GetKey(exception);
        }

        var groupKey = AlertGroupKeys.Of(logEvent, errorGroup);
        return new AlertEvent(
            Timestamp: new DateTimeOffset(logEvent.TimeStamp.ToUniversalTime(), TimeSpan.Zero),
            Level: logEvent.Level.Name,
            Logger: logEvent.LoggerName ?? string.Empty,
            Message: SafeText.Truncate(logEvent.FormattedMessage, MaxMessageLength),
            MessageTemplate: SafeText.Truncate(logEvent.Message, MaxTemplateLength),
            ErrorType: exception?.GetType().FullName,
            ErrorMessage: errorMessage is null ? null : SafeText.Truncate(errorMessage, MaxMessageLength),
            StackTrace: FirstLines(exception?.StackTrace),
            TraceId: TraceContext.CurrentTraceId,
            GroupKey: groupKey,
            ErrorGroup: errorGroup ?? groupKey);
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
            kept[i] = SafeText.Truncate(lines[i].TrimEnd('\r'), MaxStackLineLength);
        }

        return string.Join('\n', kept);
    }
}
