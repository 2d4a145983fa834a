namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>
/// Storm control: the first event of a group becomes an alert at once; the rest of its window are counted and become
/// one "+N more" follow-up when the window ends. A group with nothing new at the end of its window is forgotten, but
/// its error group is remembered (up to <see cref="MaxRemembered"/>), so its next alert is called recurring.
/// </summary>
internal sealed class StormGrouper(TimeSpan window, int maxGroups)
{
    /// <summary>How many error groups are remembered since start; past that, a group seen again is called new.</summary>
    public const int MaxRemembered = 10_000;

    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private DateTimeOffset _nextDue = DateTimeOffset.MaxValue;

    /// <summary>The earliest end of a window, or <see cref="DateTimeOffset.MaxValue"/> when there is no group.</summary>
    public DateTimeOffset NextDue => _nextDue;

    /// <summary>Counts an event. Returns the alert to send when it opens a group; <see langword="null"/> when folded.</summary>
    /// <param name="alert">The event.</param>
    /// <param name="now">The current time.</param>
    /// <param name="full">Set when the event could not be grouped because too many groups are open.</param>
    public AlertMessage? Add(AlertEvent alert, DateTimeOffset now, out bool full)
    {
        ArgumentNullException.ThrowIfNull(alert);
        full = false;
        if (_groups.TryGetValue(alert.GroupKey, out var group))
        {
            group.Count++;
            group.Latest = alert;
            Seen(alert);
            return null;
        }

        if (_groups.Count >= maxGroups)
        {
            full = true;
            return null;
        }

        var recurring = _seen.ContainsKey(alert.ErrorGroup);
        var seen = Seen(alert);
        var end = now + window;
        _groups.Add(alert.GroupKey, new Group { WindowEnd = end, Latest = alert });
        if (end < _nextDue)
        {
            _nextDue = end;
        }

        return new AlertMessage(AlertMessageKind.Alert, alert, 1, window) { Recurring = recurring, SeenSinceStart = seen };
    }

    /// <summary>Emits the follow-ups of every window that has ended (every open window when <paramref name="all"/> is set).</summary>
    public void Flush(DateTimeOffset now, Action<AlertMessage> emit, bool all = false)
    {
        ArgumentNullException.ThrowIfNull(emit);
        if (!all && now < _nextDue)
        {
            return;
        }

        _nextDue = DateTimeOffset.MaxValue;
        List<string>? expired = null;
        foreach (var (key, group) in _groups)
        {
            if (all || group.WindowEnd <= now)
            {
                if (group.Count == 0)
                {
                    (expired ??= []).Add(key);
                    continue;
                }

                var seen = _seen.GetValueOrDefault(group.Latest.ErrorGroup, group.Count);
                emit(new AlertMessage(AlertMessageKind.FollowUp, group.Latest, group.Count, window) { Recurring = true, SeenSinceStart = seen });
                group.Count = 0;
                group.WindowEnd = now + window;
            }

            if (group.WindowEnd < _nextDue)
            {
                _nextDue = group.WindowEnd;
            }
        }

        foreach (var key in expired ?? [])
        {
            _groups.Remove(key);
        }
    }

    private long Seen(AlertEvent alert)
    {
        if (_seen.TryGetValue(alert.ErrorGroup, out var count))
        {
            _seen[alert.ErrorGroup] = ++count;
            return count;
        }

        if (_seen.Count < MaxRemembered)
        {
            _seen[alert.ErrorGroup] = 1;
        }

        return 1;
    }

    private sealed class Group
    {
        public DateTimeOffset WindowEnd { get; set; }

        public long Count { get; set; }

        public required AlertEvent Latest { get; set; }
    }
}
