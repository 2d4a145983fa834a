using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace MoniKit.Alerting.Slack.Tests;

/// <summary>Records the <c>MoniKit.Alerting</c> measurements of one service's meter factory.</summary>
public sealed class AlertMetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public AlertMetricsRecorder(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "MoniKit.Alerting" && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name;
            foreach (var tag in tags)
            {
                key += $"{{{tag.Key}={tag.Value}}}";
            }

            _totals.AddOrUpdate(key, value, (_, total) => total + value);
        });
        _listener.Start();
    }

    public long Total(string key) => _totals.GetValueOrDefault(key);

    public void Dispose() => _listener.Dispose();
}
