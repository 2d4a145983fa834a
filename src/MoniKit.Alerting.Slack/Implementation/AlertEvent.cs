namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>What one log event contributes to an alert, captured on the logging thread.</summary>
/// <param name="Timestamp">When the event was logged.</param>
/// <param name="Level">The NLog level name.</param>
/// <param name="Logger">The logger's name.</param>
/// <param name="Message">The rendered message, cut to <see cref="SlackAlertTarget.MaxMessageLength"/>.</param>
/// <param name="MessageTemplate">The message template (the rendered text for events that render their own).</param>
/// <param name="ErrorType">The exception's full type name.</param>
/// <param name="ErrorMessage">The exception's message, with the inner exception's.</param>
/// <param name="StackTrace">The first lines of the stack trace.</param>
/// <param name="TraceId">The trace id of the current activity.</param>
/// <param name="GroupKey">The storm-control key: <see cref="AlertGroupKeys.Of"/>, never the rendered message.</param>
/// <param name="ErrorGroup">
/// The error group the alert reports: the exception's <see cref="ErrorGrouping.GetKey"/>, or
/// <paramref name="GroupKey"/> for an event without one.
/// </param>
internal sealed record AlertEvent(
    DateTimeOffset Timestamp,
    string Level,
    string Logger,
    string Message,
    string MessageTemplate,
    string? ErrorType,
    string? ErrorMessage,
    string? StackTrace,
    string? TraceId,
    string GroupKey = "",
    string ErrorGroup = "")
{
    /// <summary>
    /// The message, or, for an event logged with none, what happened instead: the exception, or the level and logger.
    /// </summary>
    public string DisplayMessage => !string.IsNullOrWhiteSpace(Message) ? Message
        : ErrorType is not null ? $"{ErrorType}: {ErrorMessage}"
        : $"An {Level} event with no message, from {(Logger.Length > 0 ? Logger : "an unnamed logger")}";

    /// <summary>The template as the follow-up of a group shows it, or <see cref="DisplayMessage"/> when it is empty.</summary>
    public string DisplayTemplate => string.IsNullOrWhiteSpace(MessageTemplate) ? DisplayMessage : MessageTemplate;
}
