namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>What happened to one delivery attempt.</summary>
/// <param name="Outcome">Delivered, or how it failed.</param>
/// <param name="RetryAfter">For <see cref="DeliveryOutcome.RateLimited"/>, how long the receiver asked to wait.</param>
/// <param name="Detail">A short description without the URL, such as <c>HTTP 500</c> or <c>timeout</c>.</param>
internal readonly record struct DeliveryResult(DeliveryOutcome Outcome, TimeSpan? RetryAfter, string Detail)
{
    public static DeliveryResult Delivered { get; } = new(DeliveryOutcome.Delivered, null, "ok");
}
