using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>
/// Posts to a Slack incoming webhook. The URL is a secret: it is never logged and never put in a result or exception
/// message, and the named HTTP client has the factory's request logging removed for the same reason.
/// </summary>
internal sealed class SlackWebhookClient(IHttpClientFactory httpClientFactory, MoniKitSlackOptions options, SlackMessageFormatter formatter)
    : IAlertDestination
{
    public const string HttpClientName = "MoniKit.Alerting.Slack";

    /// <summary>The categories the HTTP client factory logs under for this client.</summary>
    public const string LoggerPrefix = "System.Net.Http.HttpClient." + HttpClientName;

    // Relaxed escaping keeps '<', '>' and '&' readable in the body; Slack's mrkdwn escaping is done by the formatter.
    private static readonly SlackJsonContext Json = new(new JsonSerializerOptions(SlackJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>How many messages may wait for Slack: at one a second, 20 is what a short outage leaves.</summary>
    public const int Backlog = 20;

    // Slack explains a refusal in a short body, such as "invalid_blocks" or "no_service".
    private const int MaxReasonLength = 200;

    public string Name => "Slack";

    public TimeSpan MinInterval { get; } = TimeSpan.FromSeconds(1 / options.MaxMessagesPerSecond);

    public int MaxPending => Backlog;

    internal static string Serialize(SlackPayload payload) => JsonSerializer.Serialize(payload, Json.SlackPayload);

    public async Task<DeliveryResult> DeliverAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        var body = Serialize(formatter.Format(message));
        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(options.ResolvedWebhookUrl, content, cancellationToken).ConfigureAwait(false);
            return await ClassifyAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(DeliveryOutcome.Transient, null, "timeout");
        }
        catch (HttpRequestException ex)
        {
            // The exception's message may name the host; only its kind is reported.
            return new DeliveryResult(DeliveryOutcome.Transient, null, ex.HttpRequestError.ToString());
        }
#pragma warning disable CA1031 // Whatever the handler pipeline throws, the sender must carry on and retry later.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return new DeliveryResult(DeliveryOutcome.Transient, null, ex.GetType().Name);
        }
    }

    private static async Task<DeliveryResult> ClassifyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return DeliveryResult.Delivered;
        }

        var detail = $"HTTP {status}";
        var reason = await ReasonAsync(response, cancellationToken).ConfigureAwait(false);
        if (reason.Length > 0)
        {
            detail += " " + reason;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new DeliveryResult(DeliveryOutcome.RateLimited, RetryAfter(response.Headers.RetryAfter), detail);
        }

        return status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout
            ? new DeliveryResult(DeliveryOutcome.Transient, null, detail)
            : new DeliveryResult(DeliveryOutcome.Rejected, null, detail);
    }

    // The body is Slack's own short answer; it is cut and its control characters escaped before it reaches a log line.
    private static async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return SafeText.Truncate(SafeText.EscapeControlCharacters(body.Trim()), MaxReasonLength);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException)
        {
            return string.Empty;
        }
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }
}
