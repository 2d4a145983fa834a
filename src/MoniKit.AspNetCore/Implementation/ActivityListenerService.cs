using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace MoniKit.AspNetCore.Implementation;

/// <summary>
/// Makes sure ASP.NET Core and HttpClient create their activities, so every request has a trace id and every
/// outbound call carries <c>traceparent</c>, whatever log levels the service sets. Only propagation data is asked
/// for: no tags or events are recorded.
/// </summary>
internal sealed class ActivityListenerService : IHostedService, IDisposable
{
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "System.Net.Http",
        Sample = static (ref ActivityCreationOptions<ActivityContext> options) =>
            options.Parent.TraceFlags.HasFlag(ActivityTraceFlags.Recorded)
                ? ActivitySamplingResult.AllDataAndRecorded
                : ActivitySamplingResult.PropagationData,
    };

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ActivitySource.AddActivityListener(_listener);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _listener.Dispose();
}
