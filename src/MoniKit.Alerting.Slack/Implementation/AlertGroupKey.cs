namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>What makes two errors "the same" for storm control.</summary>
internal readonly record struct AlertGroupKey(string? ErrorType, string MessageTemplate, string Logger);
