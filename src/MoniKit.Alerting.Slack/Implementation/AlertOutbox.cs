namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>
/// The messages waiting for the destination, the pace they go out at, and the account of what could not be delivered.
/// Everything here is bounded: at most <c>maxPending</c> messages wait (the destination's backlog). A message given up
/// on (backlog full, retries used up, refused) goes to <c>fallback</c>, the local alerts file, and is counted either
/// way. A 429 costs no attempt: it is waited out for up to <see cref="MaxWait"/> from when the message queued.
/// </summary>
/// <param name="metrics">Where drops are counted.</param>
/// <param name="ledger">The exit account.</param>
/// <param name="minInterval">The least time between two messages.</param>
/// <param name="maxPending">How many messages may wait.</param>
/// <param name="fallback">Keeps a message given up on, with the reason (the local alerts file); returns whether it could.</param>
internal sealed class AlertOutbox(AlertMetrics metrics, AlertLedger ledger, TimeSpan minInterval, int maxPending, Func<AlertMessage, string, bool>? fallback = null)
{
    public const int MaxAttempts = 5;

    /// <summary>The time budget of a waiting message under rate limiting; past it, it is dropped as <c>rate_limited</c>.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    private readonly Queue<AlertMessage> _pending = new();
    private readonly Dictionary<string, long> _undelivered = new(StringComparer.Ordinal);
    private DateTimeOffset? _undeliveredSince;
    private bool _deliveredSinceLoss;
    private int _maxPending = maxPending;

    public DateTimeOffset NextSendAt { get; private set; } = DateTimeOffset.MinValue;

    public int ConsecutiveFailures { get; private set; }

    public int PendingCount => _pending.Count;

    public bool HasWork => _pending.Count > 0 || SummaryDue;

    // The summary goes once delivery works, and after a message delivered since the loss began: one message sent
    // after recovery rather than one more message failing, and never ahead of the first alert of a burst.
    private bool SummaryDue => _undelivered.Count > 0 && ConsecutiveFailures == 0 && (_deliveredSinceLoss || _pending.Count == 0);

    public void Add(AlertMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_pending.Count >= _maxPending)
        {
            GiveUp(message, DropReasons.Backlog, now);
            return;
        }

        message.QueuedAt = now;
        _pending.Enqueue(message);
    }

    /// <summary>At shutdown, every message is kept until the end, when what is left goes to the local file.</summary>
    public void LiftLimit() => _maxPending = int.MaxValue;

    /// <summary>Gives up on delivering <paramref name="message"/>: counted, summarised, and kept by the fallback if it can.</summary>
    public void GiveUp(AlertMessage message, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var events = message.Kind == AlertMessageKind.Undelivered ? 0 : message.EventCount;
        metrics.Dropped(reason, events);
        Summarise(reason, events, now);
        if (fallback?.Invoke(message, reason) == true)
        {
            ledger.WriteLocally(reason, events);
        }
        else
        {
            ledger.Drop(reason, events);
        }
    }

    /// <summary>Records events lost before they became a message, such as those the full queue dropped.</summary>
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

        ledger.Drop(reason, events);
        Summarise(reason, events, now);
    }

    private void Summarise(string reason, long events, DateTimeOffset now)
    {
        if (events <= 0)
        {
            return;
        }

        if (_undelivered.Count == 0)
        {
            _deliveredSinceLoss = false;
        }

        _undelivered[reason] = _undelivered.GetValueOrDefault(reason) + events;
        _undeliveredSince ??= now;
    }

    /// <summary>The next message to deliver, once the pace allows.</summary>
    public AlertMessage? TakeNext(DateTimeOffset now)
    {
        if (now < NextSendAt || !HasWork)
        {
            return null;
        }

        NextSendAt = now + minInterval;
        return SummaryDue ? Summary() : _pending.Peek();
    }

    /// <summary>Applies the result of delivering <paramref name="message"/>; returns the wait before the next attempt.</summary>
    public TimeSpan Complete(AlertMessage message, DeliveryResult result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var isSummary = message.Kind == AlertMessageKind.Undelivered;
        if (result.Outcome == DeliveryOutcome.Delivered)
        {
            ConsecutiveFailures = 0;
            metrics.Sent();
            ledger.Deliver(message);
            if (isSummary)
            {
                Summarised(message, now);
            }
            else
            {
                _pending.Dequeue();
                _deliveredSinceLoss = true;
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
        if (isSummary)
        {
            return wait;
        }

        if (result.Outcome != DeliveryOutcome.RateLimited)
        {
            message.Attempts++;
        }

        var reason = result.Outcome switch
        {
            DeliveryOutcome.Rejected => DropReasons.Rejected,
            DeliveryOutcome.RateLimited when now + wait - message.QueuedAt > MaxWait => DropReasons.RateLimited,
            _ when message.Attempts >= MaxAttempts => DropReasons.SendFailed,
            _ => null,
        };
        if (reason is not null)
        {
            _pending.Dequeue();
            GiveUp(message, reason, now);
        }

        return wait;
    }

    /// <summary>
    /// Empties the outbox at shutdown: every waiting message is given up on as <c>shutdown</c>, so the local alerts file
    /// keeps it, and the summary of what Slack never got, if any, goes there too.
    /// </summary>
    public void Drain(DateTimeOffset now)
    {
        while (_pending.TryDequeue(out var message))
        {
            GiveUp(message, DropReasons.Shutdown, now);
        }

        if (_undelivered.Count > 0)
        {
            fallback?.Invoke(Summary(), DropReasons.Shutdown);
            _undelivered.Clear();
            _undeliveredSince = null;
        }
    }

    private AlertMessage Summary()
    {
        var counts = new Dictionary<string, long>(_undelivered, StringComparer.Ordinal);
        return new AlertMessage(AlertMessageKind.Undelivered, null, counts.Values.Sum(), TimeSpan.Zero, counts, _undeliveredSince);
    }

    private void Summarised(AlertMessage summary, DateTimeOffset now)
    {
        foreach (var (reason, count) in summary.Undelivered!)
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

    private static TimeSpan Clamp(TimeSpan value, TimeSpan max) => value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
