using System.Globalization;
using System.Text;

namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>
/// The account of every alert event since start: delivered (alone or folded into a delivered follow-up), written to
/// the local alerts file because it could not be delivered before shutdown, or dropped with a reason. Read once, at
/// exit, into one line on standard error, since a metric dies with the process.
/// </summary>
internal sealed class AlertLedger
{
    private readonly SortedDictionary<string, long> _dropped = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _local = new(StringComparer.Ordinal);

    public long Delivered { get; private set; }

    public long DeliveredMessages { get; private set; }

    public long WrittenLocally => _local.Values.Sum();

    public long Dropped => _dropped.Values.Sum();

    public long Accounted => Delivered + WrittenLocally + Dropped;

    public void Deliver(AlertMessage message)
    {
        DeliveredMessages++;
        Delivered += message.Kind == AlertMessageKind.Undelivered ? 0 : message.EventCount;
    }

    public void WriteLocally(string reason, long events) => Add(_local, reason, events);

    public void Drop(string reason, long events) => Add(_dropped, reason, events);

    /// <summary>
    /// The exit line, such as <c>MoniKit alerts: 50 events: 3 delivered to Slack (3 messages), 47 written to
    /// logs/alerts.json (backlog: 30, shutdown: 17), 0 dropped</c>.
    /// </summary>
    /// <param name="received">Every event the alert target took, including those the full queue dropped.</param>
    /// <param name="destination">Where delivered messages went, such as <c>Slack</c>.</param>
    /// <param name="localFile">The local alerts file.</param>
    public string Describe(long received, string destination, string localFile)
    {
        var line = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"MoniKit alerts: {received} events: {Delivered} delivered to {destination} ({DeliveredMessages} message{(DeliveredMessages == 1 ? string.Empty : "s")})");
        if (_local.Count > 0)
        {
            line.Append(CultureInfo.InvariantCulture, $", {WrittenLocally} written to {localFile}");
            AppendReasons(line, _local);
        }

        line.Append(CultureInfo.InvariantCulture, $", {Dropped} dropped");
        AppendReasons(line, _dropped);

        if (received != Accounted)
        {
            line.Append(CultureInfo.InvariantCulture, $", {received - Accounted} unaccounted");
        }

        return SafeText.EscapeControlCharacters(line.ToString());
    }

    private static void Add(SortedDictionary<string, long> counts, string reason, long events)
    {
        if (events > 0)
        {
            counts[reason] = counts.GetValueOrDefault(reason) + events;
        }
    }

    private static void AppendReasons(StringBuilder line, SortedDictionary<string, long> counts)
    {
        if (counts.Count > 0)
        {
            line.Append(" (").AppendJoin(", ", counts.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Key}: {d.Value}"))).Append(')');
        }
    }
}
