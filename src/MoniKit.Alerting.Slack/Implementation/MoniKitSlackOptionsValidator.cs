using System.Net;
using NLog;

namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>
/// Checks <see cref="MoniKitSlackOptions"/> at start-up and resolves the webhook URL. Messages name the key and never
/// quote the URL, which is a secret.
/// </summary>
internal static class MoniKitSlackOptionsValidator
{
    private const string Prefix = $"{MoniKitOptions.SectionName}:{MoniKitSlackOptions.SectionName}:";

    public static IEnumerable<string> Validate(MoniKitSlackOptions options)
    {
        var failures = new List<string>();
        ResolveWebhook(options, failures);

        LogLevel? level = null;
        try
        {
            level = LogLevel.FromString(options.MinLevel);
        }
        catch (ArgumentException)
        {
        }

        if (level is not null && level != LogLevel.Off)
        {
            options.ResolvedMinLevel = level;
        }
        else
        {
            failures.Add($"{Prefix}{nameof(options.MinLevel)} must be one of Trace, Debug, Info, Warn, Error, Fatal (was '{options.MinLevel}')");
        }

        if (!string.IsNullOrWhiteSpace(options.LogsUrlTemplate) && !IsHttpUrl(ExpandSample(options.LogsUrlTemplate)))
        {
            failures.Add($"{Prefix}{nameof(options.LogsUrlTemplate)} must be an absolute http or https URL");
        }

        if (options.GroupWindow < TimeSpan.FromSeconds(1) || options.GroupWindow > TimeSpan.FromHours(1))
        {
            failures.Add($"{Prefix}{nameof(options.GroupWindow)} must be between 00:00:01 and 01:00:00");
        }

        if (options.QueueCapacity is < 1 or > 1_000_000)
        {
            failures.Add($"{Prefix}{nameof(options.QueueCapacity)} must be between 1 and 1000000");
        }

        if (options.HttpTimeout < TimeSpan.FromMilliseconds(100) || options.HttpTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Prefix}{nameof(options.HttpTimeout)} must be between 00:00:00.1 and 00:05:00");
        }

        if (!(options.MaxMessagesPerSecond is > 0 and <= 100))
        {
            failures.Add($"{Prefix}{nameof(options.MaxMessagesPerSecond)} must be greater than 0 and at most 100");
        }

        return failures;
    }

    /// <summary>
    /// Whether the webhook URL is acceptable: https, or http to a loopback host only, so that the secret never
    /// crosses a network in clear.
    /// </summary>
    public static bool IsAcceptableWebhook(string value, out Uri? uri)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out uri) || string.IsNullOrEmpty(uri.Host) || uri.UserInfo.Length > 0)
        {
            return false;
        }

        return uri.Scheme == Uri.UriSchemeHttps
            || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip))));
    }

    private static void ResolveWebhook(MoniKitSlackOptions options, List<string> failures)
    {
        var hasUrl = !string.IsNullOrWhiteSpace(options.WebhookUrl);
        var hasFile = !string.IsNullOrWhiteSpace(options.WebhookUrlFile);
        if (hasUrl && hasFile)
        {
            failures.Add($"{Prefix}{nameof(options.WebhookUrl)} and {Prefix}{nameof(options.WebhookUrlFile)} are both set; set only one");
            return;
        }

        var key = Prefix + nameof(options.WebhookUrl);
        var value = options.WebhookUrl;
        if (hasFile)
        {
            key = Prefix + nameof(options.WebhookUrlFile);
            try
            {
                value = File.ReadAllText(options.WebhookUrlFile!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                failures.Add($"{key} names a file that cannot be read ('{options.WebhookUrlFile}': {ex.GetType().Name})");
                return;
            }
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            if (hasFile)
            {
                failures.Add($"{key} names an empty file ('{options.WebhookUrlFile}')");
            }

            return;
        }

        if (HasUserInfo(value.Trim()))
        {
            // Only the key and the fact are named: the user info, like the rest of the URL, is a secret.
            failures.Add($"{key} must not contain a user name or password before the host ('user:password@'); a Slack webhook URL carries its secret in the path only");
            return;
        }

        if (IsAcceptableWebhook(value.Trim(), out var uri))
        {
            options.ResolvedWebhookUrl = uri;
        }
        else
        {
            failures.Add(hasFile
                ? $"{key} must contain an absolute https URL (http only for a loopback host)"
                : $"{key} must be an absolute https URL (http only for a loopback host)");
        }
    }

    private static bool HasUserInfo(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0;

    private static string ExpandSample(string template) =>
        template.Replace("{traceId}", "0af7651916cd43dd8448eb211c80319c", StringComparison.Ordinal)
            .Replace("{service}", "service", StringComparison.Ordinal);

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
