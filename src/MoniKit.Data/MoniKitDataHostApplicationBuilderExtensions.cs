using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MoniKit.Data;
using MoniKit.Data.Implementation;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers MoniKit's database command monitoring.</summary>
public static class MoniKitDataHostApplicationBuilderExtensions
{
    /// <summary>
    /// Adds database command monitoring: one <c>db.query</c> log line and the <c>db.client.operation.duration</c>
    /// metric per command run on a connection wrapped with <c>WithMoniKit</c> or through the EF Core interceptor.
    /// Settings come from <c>MoniKit:Data</c> and are validated here. Safe to call twice.
    /// </summary>
    /// <typeparam name="TBuilder">The host builder type.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="MoniKit.MoniKitConfigurationException">A <c>MoniKit:Data</c> setting is invalid.</exception>
    public static TBuilder AddMoniKitData<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder => builder.AddMoniKitData(configure: null);

    /// <summary>
    /// Adds database command monitoring, with code-level settings applied after configuration. Safe to call twice:
    /// the first call's settings win.
    /// </summary>
    /// <typeparam name="TBuilder">The host builder type.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <param name="configure">Code-level settings, applied after configuration and before validation.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="MoniKit.MoniKitConfigurationException">A <c>MoniKit:Data</c> setting is invalid.</exception>
    public static TBuilder AddMoniKitData<TBuilder>(this TBuilder builder, Action<MoniKitDataOptions>? configure)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.AddMoniKitOptions(MoniKitDataOptions.SectionName, static (MoniKitDataOptions o) => o.Validate(), configure);
        var redaction = builder.GetMoniKitRedactionPolicy();
        builder.Services.TryAddSingleton(sp => new DbCommandMonitor(
            options,
            redaction,
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<IMeterFactory>()));
        return builder;
    }

    /// <summary>
    /// Adds database command monitoring and registers a scoped, monitored <see cref="DbConnection"/> made by
    /// <paramref name="createConnection"/>, ready for Dapper or plain ADO.NET. The container disposes it with its
    /// scope. Safe to call twice: the first registration wins.
    /// </summary>
    /// <typeparam name="TBuilder">The host builder type.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <param name="createConnection">Creates the provider's connection, for example <c>_ => new SqliteConnection(cs)</c>.</param>
    /// <returns>The builder.</returns>
    public static TBuilder AddMoniKitDbConnection<TBuilder>(this TBuilder builder, Func<IServiceProvider, DbConnection> createConnection)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(createConnection);
        builder.AddMoniKitData();
        builder.Services.TryAddScoped(sp => createConnection(sp).WithMoniKit(sp));
        return builder;
    }
}
