using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MoniKit.Implementation;

/// <summary>
/// Warns once at start-up about keys under <c>MoniKit</c> that no MoniKit package of the service reads: a misspelled
/// key, or the section of a package the service does not use, which would otherwise be ignored without a word.
/// </summary>
internal sealed class UnusedConfigurationKeysService(BoundMoniKitOptions bound, IConfiguration configuration, ILoggerFactory loggerFactory) : IHostedService
{
    public const string LoggerName = "MoniKit.Configuration";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var unused = UnusedConfigurationKeys.Find(configuration.GetSection(MoniKitOptions.SectionName), bound.Bound);
        if (unused.Count > 0)
        {
            var message = "MoniKit configuration keys that no MoniKit package of this service reads (misspelled, or for a MoniKit package it does not use): "
                + string.Join(", ", unused);
            loggerFactory.CreateLogger(LoggerName).Log(LogLevel.Warning, default, new StructuredLogState(message), null, StructuredLogState.Formatter);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
