namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>The service every alert is about.</summary>
internal sealed record AlertIdentity(string Service, string Version, string Environment, string Host);
