using System.Diagnostics.Metrics;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// <c>monikit.build.info</c>: a gauge of 1 labelled with the service name, version and environment, so dashboards
/// can join any metric to the running version.
/// </summary>
internal sealed class BuildInfoMetric
{
    public const string MeterName = "MoniKit.Metrics";

    public BuildInfoMetric(IMeterFactory meterFactory, MoniKitOptions service)
    {
        var meter = meterFactory.Create(MeterName);
        KeyValuePair<string, object?>[] tags =
        [
            new(LogFields.ServiceName, service.ServiceName),
            new(LogFields.ServiceVersion, service.ServiceVersion),
            new(LogFields.ServiceEnvironment, service.Environment),
        ];
        meter.CreateObservableGauge(
            "monikit.build.info",
            () => new Measurement<int>(1, tags),
            unit: null,
            description: "Always 1; the labels name the running service, its version and environment.");
    }
}
