using MoniKit.Alerting.Slack.Implementation;

namespace MoniKit.Alerting.Slack.Tests;

/// <summary>A Slack stand-in on a fake clock: each answer takes <see cref="AnswerDelay"/> of that clock.</summary>
internal sealed class ScriptedDestination(TimeProvider time) : IAlertDestination
{
    private readonly List<AlertMessage> _received = [];

    public string Name => "Slack";

    public TimeSpan MinInterval => TimeSpan.FromSeconds(1);

    public int MaxPending => SlackWebhookClient.Backlog;

    public TimeSpan AnswerDelay { get; set; }

    public IReadOnlyList<AlertMessage> Received => _received;

    public async Task<DeliveryResult> DeliverAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        _received.Add(message);
        await Task.Delay(AnswerDelay, time, cancellationToken).ConfigureAwait(false);
        return DeliveryResult.Delivered;
    }
}
