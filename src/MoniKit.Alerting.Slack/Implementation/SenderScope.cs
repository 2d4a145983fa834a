namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>
/// Marks the sender's own work, so that what it logs (or what HTTP handlers log for it) never becomes an alert:
/// a failing Slack must not feed itself.
/// </summary>
internal static class SenderScope
{
    private static readonly AsyncLocal<bool> Active = new();

    public static bool IsActive => Active.Value;

    public static void Enter() => Active.Value = true;
}
