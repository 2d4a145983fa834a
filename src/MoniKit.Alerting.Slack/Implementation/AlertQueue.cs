using System.Threading.Channels;

namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>
/// The bounded hand-off between logging threads and the sender. Writing never blocks: a full queue drops the event
/// and counts it, so a stuck Slack can cost the service neither latency nor memory.
/// </summary>
internal sealed class AlertQueue
{
    private readonly Channel<AlertEvent> _channel;
    private readonly AlertMetrics _metrics;
    private long _dropped;
    private long _received;

    public AlertQueue(MoniKitSlackOptions options, AlertMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metrics = metrics;
        _channel = Channel.CreateBounded<AlertEvent>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public ChannelReader<AlertEvent> Reader => _channel.Reader;

    /// <summary>Every event offered since start, the dropped ones included: what the exit account must add up to.</summary>
    public long Received => Interlocked.Read(ref _received);

    public void Enqueue(AlertEvent alert)
    {
        Interlocked.Increment(ref _received);

        // With FullMode.Wait, TryWrite fails instead of waiting when the queue is full.
        if (!_channel.Writer.TryWrite(alert))
        {
            Interlocked.Increment(ref _dropped);
            _metrics.Dropped(DropReasons.QueueFull, 1);
        }
    }

    /// <summary>Returns the events dropped since the last call, for the undelivered summary.</summary>
    public long TakeDropped() => Interlocked.Exchange(ref _dropped, 0);
}
