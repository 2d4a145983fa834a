using MoniKit;
using MoniKit.Logging;
using MoniKit.Testing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds an in-memory capture of a host's MoniKit log lines, for tests.</summary>
public static class MoniKitLogCaptureExtensions
{
    /// <summary>
    /// Registers a <see cref="LogCapture"/> that receives every line the host logs (all levels that pass the
    /// <c>Logging:LogLevel</c> filters), rendered by the MoniKit layout. Works in
    /// <c>WebApplicationFactory.ConfigureServices</c> and on a plain host builder; calling it again returns the same capture.
    /// </summary>
    /// <param name="services">The host's services; the host must call <c>AddMoniKitLogging()</c>.</param>
    /// <returns>The capture.</returns>
    public static LogCapture AddMoniKitLogCapture(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(LogCapture) && descriptor.ImplementationInstance is LogCapture existing)
            {
                return existing;
            }
        }

        var capture = new LogCapture();
        services.AddSingleton(capture);
        services.AddSingleton(sp => new MoniKitLogTarget(
            // The host's redaction policy, so that captured lines are masked as the log files are.
            capture.CreateTarget(sp.GetRequiredService<MoniKitOptions>(), sp.GetService<RedactionPolicy>() ?? RedactionPolicy.Default),
            NLog.LogLevel.Trace));
        return capture;
    }
}
