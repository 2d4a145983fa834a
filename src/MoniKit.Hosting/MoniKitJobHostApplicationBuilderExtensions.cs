using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MoniKit;
using MoniKit.Hosting;
using MoniKit.Hosting.Implementation;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers MoniKit's job monitoring: <see cref="IJobMonitor"/> and periodic jobs.</summary>
public static class MoniKitJobHostApplicationBuilderExtensions
{
    private static readonly object Marker = new();

    /// <summary>
    /// Registers <see cref="IJobMonitor"/> and the job metrics (<c>monikit.job.runs</c>, <c>monikit.job.duration</c>,
    /// <c>monikit.job.last_success_timestamp</c> on the <c>MoniKit.Jobs</c> meter). <c>AddMoniKit()</c> calls it; call it
    /// yourself in a web API that runs jobs. Options come from <c>MoniKit:Jobs</c>. Safe to call twice. A run whose work
    /// ignores cancellation and is still going when the host has stopped is logged as <see cref="JobOutcome.Abandoned"/>.
    /// </summary>
    /// <typeparam name="TBuilder">The host builder type.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <param name="configure">Code-level settings, applied after configuration on the first call.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="MoniKitConfigurationException">A <c>MoniKit:Jobs</c> setting is invalid.</exception>
    public static TBuilder AddMoniKitJobs<TBuilder>(this TBuilder builder, Action<MoniKitJobsOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Properties.ContainsKey(Marker))
        {
            return builder;
        }

        builder.AddMoniKitOptions(MoniKitJobsOptions.SectionName, static (MoniKitJobsOptions o) => o.Validate(), configure);
        var services = builder.Services;
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JobMetrics>();
        services.TryAddSingleton<JobMonitor>();
        services.TryAddSingleton<IJobMonitor>(sp => sp.GetRequiredService<JobMonitor>());
        services.AddHostedService<AbandonedJobReporter>();
        builder.Properties[Marker] = true;
        return builder;
    }

    /// <summary>
    /// Runs <typeparamref name="TJob"/> at start and then every <paramref name="interval"/>, each run monitored: its own
    /// trace id, one <c>job</c> log line, the job metrics. The job is resolved from a new service scope for each run.
    /// A failing run is logged at Error and the schedule goes on. <c>MoniKit:Jobs:Intervals:{name}</c> overrides the
    /// interval. Registering the same job name again changes nothing.
    /// </summary>
    /// <typeparam name="TJob">The job; registered as a scoped service unless it already is.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <param name="interval">The time between the starts of two runs.</param>
    /// <param name="name">The job name in logs and metrics. Default: the type name in kebab case without a <c>Job</c> suffix (<c>CleanupJob</c> is <c>cleanup</c>).</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddMoniKitJob<TJob>(this IHostApplicationBuilder builder, TimeSpan interval, string? name = null)
        where TJob : class, IJob
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var job = name ?? JobNames.FromType(typeof(TJob));
        JobNames.Validate(job, nameof(name));
        builder.AddMoniKitJobs();
        var key = (Marker, job.ToUpperInvariant());
        if (builder.Properties.ContainsKey(key))
        {
            return builder;
        }

        builder.Properties[key] = true;
        var options = builder.AddMoniKitOptions<MoniKitJobsOptions>(MoniKitJobsOptions.SectionName, static o => o.Validate());
        var effective = options.Intervals.TryGetValue(job, out var configured) ? configured : interval;
        builder.Services.TryAddScoped<TJob>();
        builder.Services.AddSingleton<IHostedService>(sp => new PeriodicJobService(
            job,
            effective,
            static scoped => scoped.GetRequiredService<TJob>(),
            sp.GetRequiredService<JobMonitor>(),
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
