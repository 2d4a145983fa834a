using Microsoft.Extensions.Configuration;
using NLog;
using NLog.Config;
using NLog.Extensions.Logging;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// A team's own NLog configuration, the NLog way: the <c>NLog</c> section of the app's configuration or, without one,
/// an <c>nlog.config</c> in the content root or next to the app. Its targets and rules are added after MoniKit's own,
/// which they cannot change: a rule marked final only stops the team's later rules.
/// </summary>
internal static class UserNLogConfiguration
{
    public const string SectionName = "NLog";

    private static readonly string[] FileNames = ["nlog.config", "NLog.config"];

    /// <summary>Whether the app has an NLog configuration of its own.</summary>
    public static bool Exists(IConfiguration configuration, string contentRoot) =>
        configuration.GetSection(SectionName).Exists() || FindFile(contentRoot) is not null;

    /// <summary>Loads the team's configuration, if any, and adds its targets, rules and variables to <paramref name="target"/>.</summary>
    /// <exception cref="MoniKitConfigurationException">NLog rejected it; the message names the section or file and quotes NLog.</exception>
    public static void AddTo(LoggingConfiguration target, LogFactory factory, IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection(SectionName);
        var file = section.Exists() ? null : FindFile(contentRoot);
        if (!section.Exists() && file is null)
        {
            return;
        }

        var source = file is null ? $"The '{SectionName}' configuration section" : $"The NLog configuration file '{file}'";
        var throwing = factory.ThrowConfigExceptions;
        LoggingConfiguration loaded;
        try
        {
            // Without this NLog would log a bad target to its internal log and start without it.
            factory.ThrowConfigExceptions = true;
            loaded = file is null ? new NLogLoggingConfiguration(section, factory) : new XmlLoggingConfiguration(file, factory);
        }
        catch (Exception ex) when (ex is NLogConfigurationException or NLogRuntimeException or ArgumentException or FormatException
            or InvalidOperationException or System.Xml.XmlException or IOException)
        {
            throw new MoniKitConfigurationException($"{source} is invalid: {ex.Message}", ex);
        }
        finally
        {
            factory.ThrowConfigExceptions = throwing;
        }

        foreach (var (name, value) in loaded.Variables)
        {
            target.Variables[name] = value;
        }

        foreach (var added in loaded.ConfiguredNamedTargets)
        {
            target.AddTarget(added);
        }

        foreach (var rule in loaded.LoggingRules)
        {
            target.LoggingRules.Add(rule);
        }
    }

    private static string? FindFile(string contentRoot)
    {
        foreach (var folder in new[] { contentRoot, AppContext.BaseDirectory }.Distinct(StringComparer.Ordinal))
        {
            foreach (var name in FileNames)
            {
                var path = Path.Combine(folder, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }
}
