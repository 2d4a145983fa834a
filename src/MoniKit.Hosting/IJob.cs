namespace MoniKit.Hosting;

/// <summary>
/// A unit of periodic work, registered with <c>builder.AddMoniKitJob&lt;TJob&gt;(interval)</c>. Each run is resolved
/// from a fresh service scope, so a job may depend on scoped services such as a database connection.
/// </summary>
public interface IJob
{
    /// <summary>Does the work of one run. Throwing marks the run as failed; the next run still happens.</summary>
    /// <param name="cancellationToken">Signalled when the host stops.</param>
    /// <returns>A task that completes when the run is over.</returns>
    Task RunAsync(CancellationToken cancellationToken);
}
