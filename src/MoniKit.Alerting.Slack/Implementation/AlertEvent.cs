namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>What one log event contributes to an alert, captured on the logging thread.</summary>
internal sealed record AlertEvent(
    DateTimeOffset Timestamp,
    string Level,
    string Logger,
    string Message,
    string MessageTemplate,
    string? ErrorType,
    string? ErrorMessage,
    string? StackTrace,
    string? TraceId)
{
    /// <summary>Identical errors share a key: the same exception type, message template and logger.</summary>
    public AlertGroupKey GroupKey => new(ErrorType, MessageTemplate, Logger);
}
