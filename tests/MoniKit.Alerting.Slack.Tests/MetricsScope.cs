using MoniKit.Alerting.Slack.Implementation;

namespace MoniKit.Alerting.Slack.Tests;

/// <summary>An <see cref="AlertMetrics"/> of its own meter factory, with a recorder of what it counts.</summary>
internal sealed class MetricsScope : IDisposable
{
    private readonly ServiceProvider _services;

    public MetricsScope()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        Recorder = new AlertMetricsRecorder(factory);
        Metrics = new AlertMetrics(factory);
    }

    public AlertMetrics Metrics { get; }

    public AlertMetricsRecorder Recorder { get; }

    public void Dispose()
    {
        Recorder.Dispose();
        _services.Dispose();
    }
}
