using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>
/// The background sender: drains the queue into storm control while a delivery is in flight, so a hanging Slack
/// neither blocks grouping nor lets the queue overflow, and posts at the destination's pace with backoff.
/// </summary>
internal sealed partial class AlertSender(
    AlertQueue queue,
    IAlertDestination destination,
    SlackAlertOptions options,
    AlertMetrics metrics,
    TimeProvider time,
    ILogger<AlertSender> logger) : BackgroundService
{
    internal const int MaxGroups = 1000;
    private static readonly TimeSpan ShutdownBudget = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxIdleWake = TimeSpan.FromSeconds(1);

    private readonly StormGrouper _grouper = new(options.GroupWindow, MaxGroups);
    private readonly AlertOutbox _outbox = new(metrics, destination.MinInterval);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SenderScope.Enter();
        await Task.Yield();
        Task<bool>? readable = null;
        (AlertMessage Message, Task<DeliveryResult> Task)? inflight = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = time.GetUtcNow();
                Collect(now);
                if (inflight is { } current && current.Task.IsCompleted)
                {
                    Complete(current.Message, await current.Task.ConfigureAwait(false), now);
                    inflight = null;
                }

                if (inflight is null && _outbox.TakeNext(now) is { } next)
                {
                    inflight = (next, destination.DeliverAsync(next, stoppingToken));
                    continue;
                }

                readable ??= queue.Reader.WaitToReadAsync(stoppingToken).AsTask();
                await WaitAsync(readable, inflight?.Task, now, stoppingToken).ConfigureAwait(false);
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
                LogSenderFailed(logger, ex.GetType().FullName);
                inflight = null;
                readable = null;
                await Task.Delay(MaxIdleWake, time, CancellationToken.None).ConfigureAwait(false);
            }
        }

        await FlushAtShutdownAsync().ConfigureAwait(false);
    }

    private void Collect(DateTimeOffset now)
    {
        while (queue.Reader.TryRead(out var alert))
        {
            if (_grouper.Add(alert, now, out var full) is { } message)
            {
                _outbox.Add(message, now);
            }
            else if (full)
            {
                _outbox.Undeliverable(DropReasons.Backlog, 1, now);
            }
        }

        _outbox.Undeliverable(DropReasons.QueueFull, queue.TakeDropped(), now, alreadyCounted: true);
        _grouper.Flush(now, message => _outbox.Add(message, now));
    }

    private void Complete(AlertMessage message, DeliveryResult result, DateTimeOffset now)
    {
        var wasFailing = _outbox.ConsecutiveFailures > 0;
        var wait = _outbox.Complete(message, result, now);
        if (result.Outcome == DeliveryOutcome.Delivered && wasFailing)
        {
            LogRecovered(logger);
        }
        else if (result.Outcome != DeliveryOutcome.Delivered && !wasFailing)
        {
            LogFailing(logger, result.Detail, wait.TotalSeconds);
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
        var timer = Task.Delay(delay, time, delayCancellation.Token);
        await (inflight is null ? Task.WhenAny(readable, timer) : Task.WhenAny(readable, timer, inflight)).ConfigureAwait(false);
        await delayCancellation.CancelAsync().ConfigureAwait(false);
        stoppingToken.ThrowIfCancellationRequested();
    }

    // Folds what is left into messages and gives them a short, bounded chance to go out; the log files have them anyway.
    private async Task FlushAtShutdownAsync()
    {
        using var budget = new CancellationTokenSource(ShutdownBudget, time);
        try
        {
            var now = time.GetUtcNow();
            Collect(now);
            _grouper.Flush(now, message => _outbox.Add(message, now), all: true);
            while (!budget.IsCancellationRequested && _outbox.HasWork)
            {
                now = time.GetUtcNow();
                if (_outbox.TakeNext(now) is { } next)
                {
                    Complete(next, await destination.DeliverAsync(next, budget.Token).ConfigureAwait(false), time.GetUtcNow());
                    continue;
                }

                var delay = _outbox.NextSendAt - now;
                await Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, time, budget.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Alerts cannot be delivered ({Detail}); retrying in {RetrySeconds} s, and counting what is lost")]
    private static partial void LogFailing(ILogger logger, string detail, double retrySeconds);

    [LoggerMessage(2, LogLevel.Information, "Alert delivery works again")]
    private static partial void LogRecovered(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "The alert sender recovered from an unexpected {ExceptionType}")]
    private static partial void LogSenderFailed(ILogger logger, string? exceptionType);
}
