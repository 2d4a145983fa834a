namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>
/// The messages waiting for the destination, the pace they go out at, and the account of what could not be delivered.
/// Everything here is bounded: at most <see cref="MaxPending"/> messages wait; the rest are counted.
/// </summary>
internal sealed class AlertOutbox(AlertMetrics metrics, TimeSpan minInterval)
{
    public const int MaxPending = 20;
    public const int MaxAttempts = 5;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    private readonly Queue<AlertMessage> _pending = new();
    private readonly Dictionary<string, long> _undelivered = new(StringComparer.Ordinal);
    private DateTimeOffset? _undeliveredSince;

    public DateTimeOffset NextSendAt { get; private set; } = DateTimeOffset.MinValue;

    public int ConsecutiveFailures { get; private set; }

    public bool HasWork => _pending.Count > 0 || (_undelivered.Count > 0 && ConsecutiveFailures == 0);

    public void Add(AlertMessage message, DateTimeOffset now)
    {
        if (_pending.Count >= MaxPending)
        {
            Undeliverable(DropReasons.Backlog, message.EventCount, now);
            return;
        }

        _pending.Enqueue(message);
    }

    /// <summary>Records events lost before reaching the outbox or given up on.</summary>
    public void Undeliverable(string reason, long events, DateTimeOffset now, bool alreadyCounted = false)
    {
        if (events <= 0)
        {
            return;
        }

        if (!alreadyCounted)
        {
            metrics.Dropped(reason, events);
        }

        _undelivered[reason] = _undelivered.GetValueOrDefault(reason) + events;
        _undeliveredSince ??= now;
    }

    /// <summary>
    /// The next message to deliver, once the pace allows. The undelivered summary goes first, but only while
    /// delivery works, so that it is one message sent after recovery rather than one more message failing.
    /// </summary>
    public AlertMessage? TakeNext(DateTimeOffset now)
    {
        if (now < NextSendAt || !HasWork)
        {
            return null;
        }

        NextSendAt = now + minInterval;
        if (_undelivered.Count > 0 && ConsecutiveFailures == 0)
        {
            var counts = new Dictionary<string, long>(_undelivered, StringComparer.Ordinal);
            return new AlertMessage(AlertMessageKind.Undelivered, null, counts.Values.Sum(), TimeSpan.Zero, counts, _undeliveredSince);
        }

        return _pending.Peek();
    }

    /// <summary>Applies the result of delivering <paramref name="message"/>; returns the wait before the next attempt.</summary>
    public TimeSpan Complete(AlertMessage message, DeliveryResult result, DateTimeOffset now)
    {
        var isSummary = message.Kind == AlertMessageKind.Undelivered;
        if (result.Outcome == DeliveryOutcome.Delivered)
        {
            ConsecutiveFailures = 0;
            metrics.Sent();
            if (isSummary)
            {
                foreach (var (reason, count) in message.Undelivered!)
                {
                    var left = _undelivered.GetValueOrDefault(reason) - count;
                    if (left > 0)
                    {
                        _undelivered[reason] = left;
                    }
                    else
                    {
                        _undelivered.Remove(reason);
                    }
                }

                _undeliveredSince = _undelivered.Count > 0 ? now : null;
            }
            else
            {
                _pending.Dequeue();
            }

            NextSendAt = Max(NextSendAt, now + minInterval);
            return minInterval;
        }

        ConsecutiveFailures++;
        var wait = result.Outcome == DeliveryOutcome.RateLimited
            ? Clamp(result.RetryAfter ?? TimeSpan.FromSeconds(1), MaxRetryAfter)
            : Clamp(TimeSpan.FromSeconds(Math.Pow(2, Math.Min(ConsecutiveFailures - 1, 10))), MaxBackoff);
        wait = Max(wait, minInterval);
        NextSendAt = now + wait;
        if (!isSummary)
        {
            message.Attempts++;
            if (result.Outcome == DeliveryOutcome.Rejected || message.Attempts >= MaxAttempts)
            {
                _pending.Dequeue();
                Undeliverable(result.Outcome == DeliveryOutcome.Rejected ? DropReasons.Rejected : DropReasons.SendFailed, message.EventCount, now);
            }
        }

        return wait;
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan max) => value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
