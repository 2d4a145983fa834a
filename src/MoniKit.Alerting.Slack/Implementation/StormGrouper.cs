namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>
/// Storm control: the first event of a group becomes an alert at once; the rest of its window are counted and become
/// one "+N more" follow-up when the window ends. A group with nothing new at the end of its window is forgotten.
/// </summary>
internal sealed class StormGrouper(TimeSpan window, int maxGroups)
{
    private readonly Dictionary<AlertGroupKey, Group> _groups = [];
    private DateTimeOffset _nextDue = DateTimeOffset.MaxValue;

    /// <summary>The earliest end of a window, or <see cref="DateTimeOffset.MaxValue"/> when there is no group.</summary>
    public DateTimeOffset NextDue => _nextDue;

    public TimeSpan Window => window;

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
            return null;
        }

        if (_groups.Count >= maxGroups)
        {
            full = true;
            return null;
        }

        var end = now + window;
        _groups.Add(alert.GroupKey, new Group { WindowEnd = end, Latest = alert });
        if (end < _nextDue)
        {
            _nextDue = end;
        }

        return new AlertMessage(AlertMessageKind.Alert, alert, 1, window);
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
        List<AlertGroupKey>? expired = null;
        foreach (var (key, group) in _groups)
        {
            if (all || group.WindowEnd <= now)
            {
                if (group.Count == 0)
                {
                    (expired ??= []).Add(key);
                    continue;
                }

                emit(new AlertMessage(AlertMessageKind.FollowUp, group.Latest, group.Count, window));
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

    private sealed class Group
    {
        public DateTimeOffset WindowEnd { get; set; }

        public long Count { get; set; }

        public required AlertEvent Latest { get; set; }
    }
}
