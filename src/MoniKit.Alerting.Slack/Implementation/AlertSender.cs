using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>
/// The background sender: drains the queue into storm control while a delivery is in flight, so a hanging Slack
/// neither blocks grouping nor lets the queue overflow, and posts at the destination's pace with backoff. At shutdown
/// it gives what is left <see cref="ShutdownBudget"/> to go out, writes the rest to the local alerts file, and
/// accounts for every alert event in one line on standard error.
/// </summary>
internal sealed partial class AlertSender : BackgroundService
{
    internal const int MaxGroups = 1000;
    internal static readonly TimeSpan ShutdownBudget = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxIdleWake = TimeSpan.FromSeconds(1);

    private readonly AlertQueue _queue;
    private readonly IAlertDestination _destination;
    private readonly LocalAlertFile _localFile;
    private readonly AlertConsole _console;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertSender> _logger;
    private readonly AlertLedger _ledger = new();
    private readonly StormGrouper _grouper;
    private readonly AlertOutbox _outbox;

    // Deliveries outlive the stopping token: one in flight at shutdown gets the budget to finish.
    private readonly CancellationTokenSource _deliveries = new();
    private (AlertMessage Message, Task<DeliveryResult> Task)? _inflight;
    private int _flushed;

    public AlertSender(
        AlertQueue queue,
        IAlertDestination destination,
        LocalAlertFile localFile,
        MoniKitSlackOptions options,
        AlertMetrics metrics,
        AlertConsole console,
        TimeProvider time,
        ILogger<AlertSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _queue = queue;
        _destination = destination;
        _localFile = localFile;
        _console = console;
        _time = time;
        _logger = logger;
        _grouper = new StormGrouper(options.GroupWindow, MaxGroups);
        _outbox = new AlertOutbox(
            metrics, _ledger, destination.MinInterval, destination.MaxPending, (message, reason) => localFile.Write(message, reason).Outcome == DeliveryOutcome.Delivered);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // A host that stops before the sender ran never calls ExecuteAsync; the account is owed all the same.
        await FlushAtShutdownAsync().ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _deliveries.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SenderScope.Enter();
        await Task.Yield();
        Task<bool>? readable = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = _time.GetUtcNow();
                Collect(now);
                if (_inflight is { } current && current.Task.IsCompleted)
                {
                    _inflight = null;
                    Complete(current.Message, await current.Task.ConfigureAwait(false), now);
                }

                if (_inflight is null && _outbox.TakeNext(now) is { } next)
                {
                    _inflight = (next, _destination.DeliverAsync(next, _deliveries.Token));
                    continue;
                }

                readable ??= _queue.Reader.WaitToReadAsync(stoppingToken).AsTask();
                await WaitAsync(readable, _inflight?.Task, now, stoppingToken).ConfigureAwait(false);
                if (readable.IsCompleted)
                {
                    readable = null;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The sender must outlive any bug of its own: stopping it would stop the host.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSenderFailed(_logger, ex.GetType().FullName);
                _inflight = null;
                readable = null;
                await Task.Delay(MaxIdleWake, _time, CancellationToken.None).ConfigureAwait(false);
            }
        }

        await FlushAtShutdownAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Folds what is left into messages and gives them, and the delivery in flight, <see cref="ShutdownBudget"/> to
    /// go out; what does not is written to the local alerts file with the reason <c>shutdown</c>. Ends with the exit
    /// account on standard error.
    /// </summary>
    internal async Task FlushAtShutdownAsync()
    {
        if (Interlocked.Exchange(ref _flushed, 1) != 0)
        {
            return;
        }

        using (var budget = new CancellationTokenSource(ShutdownBudget, _time))
        using (budget.Token.Register(_deliveries.Cancel))
        {
            try
            {
                var now = _time.GetUtcNow();
                _outbox.LiftLimit();
                Collect(now);
                _grouper.Flush(now, message => _outbox.Add(message, now), all: true);
                while (true)
                {
                    if (_inflight is { } current)
                    {
                        var result = await current.Task.WaitAsync(budget.Token).ConfigureAwait(false);
                        _inflight = null;
                        Complete(current.Message, result, _time.GetUtcNow());
                    }

                    now = _time.GetUtcNow();
                    if (!_outbox.HasWork || budget.IsCancellationRequested)
                    {
                        break;
                    }

                    if (_outbox.TakeNext(now) is { } next)
                    {
                        _inflight = (next, _destination.DeliverAsync(next, _deliveries.Token));
                        continue;
                    }

                    var delay = _outbox.NextSendAt - now;
                    await Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, _time, budget.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        // A message still in flight is waiting in the outbox too: it goes to the file with the rest.
        _inflight = null;
        _outbox.Drain(_time.GetUtcNow());
        if (_queue.Received > 0)
        {
            _console.WriteLine(_ledger.Describe(_queue.Received, _destination.Name, _localFile.Path));
        }
    }

    private void Collect(DateTimeOffset now)
    {
        while (_queue.Reader.TryRead(out var alert))
        {
            if (_grouper.Add(alert, now, out var full) is { } message)
            {
                _outbox.Add(message, now);
            }
            else if (full)
            {
                _outbox.GiveUp(new AlertMessage(AlertMessageKind.Alert, alert, 1, TimeSpan.Zero), DropReasons.Backlog, now);
            }
        }

        _outbox.Undeliverable(DropReasons.QueueFull, _queue.TakeDropped(), now, alreadyCounted: true);
        _grouper.Flush(now, message => _outbox.Add(message, now));
    }

    private void Complete(AlertMessage message, DeliveryResult result, DateTimeOffset now)
    {
        var wasFailing = _outbox.ConsecutiveFailures > 0;
        var wait = _outbox.Complete(message, result, now);
        if (result.Outcome == DeliveryOutcome.Delivered && wasFailing)
        {
            LogRecovered(_logger);
        }
        else if (result.Outcome == DeliveryOutcome.Rejected && !wasFailing)
        {
            LogRejected(_logger, result.Detail);
        }
        else if (result.Outcome != DeliveryOutcome.Delivered && !wasFailing)
        {
            LogFailing(_logger, result.Detail, wait.TotalSeconds);
        }
    }

    private async Task WaitAsync(Task<bool> readable, Task<DeliveryResult>? inflight, DateTimeOffset now, CancellationToken stoppingToken)
    {
        var wakeAt = _grouper.NextDue;
        if (inflight is null && _outbox.HasWork && _outbox.NextSendAt < wakeAt)
        {
            wakeAt = _outbox.NextSendAt;
        }

        var delay = wakeAt - now;
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxIdleWake ? MaxIdleWake : delay;
        using var delayCancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timer = Task.Delay(delay, _time, delayCancellation.Token);
        await (inflight is null ? Task.WhenAny(readable, timer) : Task.WhenAny(readable, timer, inflight)).ConfigureAwait(false);
        await delayCancellation.CancelAsync().ConfigureAwait(false);
        stoppingToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(1, LogLevel.Warning, "Alerts cannot be delivered ({Detail}); retrying in {RetrySeconds} s, and counting what is lost")]
    private static partial void LogFailing(ILogger logger, string detail, double retrySeconds);

    [LoggerMessage(2, LogLevel.Information, "Alert delivery works again")]
    private static partial void LogRecovered(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "The alert sender recovered from an unexpected {ExceptionType}")]
    private static partial void LogSenderFailed(ILogger logger, string? exceptionType);

    [LoggerMessage(4, LogLevel.Warning, "Slack refused an alert ({Detail}); it is counted as rejected and written to the local alerts file instead")]
    private static partial void LogRejected(ILogger logger, string detail);
}
