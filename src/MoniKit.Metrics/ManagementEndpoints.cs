using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MoniKit.Metrics.Implementation;

namespace MoniKit.Metrics;

/// <summary>
/// Serves the management endpoints (<c>/metrics</c>, <c>/metrics-text</c>, <c>/env</c>, <c>/ping</c>, <c>/health</c>,
/// <c>/alive</c>) independently of any web framework: ASP.NET Core maps them onto its routing, a worker serves them
/// from <c>HttpListener</c>. Registered as a singleton by <c>AddMoniKitMetrics</c>.
/// </summary>
internal sealed class ManagementEndpoints
{
    /// <summary>
    /// The media type of the Prometheus text format 0.0.4, which <c>/metrics</c> answers in unless the scraper asks for
    /// OpenMetrics (<c>Accept: application/openmetrics-text</c>).
    /// </summary>
    public const string PrometheusContentType = ExpositionNegotiation.PrometheusContentType;

    private const string TextContentType = "text/plain; charset=utf-8";
    private const string JsonContentType = "application/json; charset=utf-8";

    private static readonly Dictionary<string, string> NoStore = new() { ["Cache-Control"] = "no-cache, no-store" };

    private readonly Dictionary<string, Func<ManagementRequest, CancellationToken, Task<ManagementResponse>>> routes =
        new(StringComparer.OrdinalIgnoreCase);

    private readonly MetricsCollector collector;
    private readonly HealthCheckService health;
    private readonly MoniKitOptions service;
    private readonly TimeProvider time;
    private readonly BearerTokenValidator bearer;

    internal ManagementEndpoints(
        MetricsCollector collector,
        HealthCheckService health,
        MoniKitManagementOptions options,
        MoniKitOptions service,
        TimeProvider time)
    {
        this.collector = collector;
        this.health = health;
        this.service = service;
        this.time = time;
        Options = options;
        bearer = new BearerTokenValidator(options);
        Add(options.MetricsEnabled, options.MetricsPath, Protect(MetricsAsync));
        Add(options.MetricsTextEnabled, options.MetricsTextPath, Protect(MetricsTextAsync));
        Add(options.EnvEnabled, options.EnvPath, Protect(EnvAsync));
        Add(options.PingEnabled, options.PingPath, (_, _) => Task.FromResult(Text(200, "pong")));
        Add(options.HealthEnabled, options.HealthPath, (_, token) => HealthAsync(predicate: null, token));
        Add(options.AliveEnabled, options.AlivePath, (_, token) => HealthAsync(check => check.Tags.Contains("live"), token));
        Paths = [.. routes.Keys];
    }

    /// <summary>The options in force (paths, port, protection).</summary>
    public MoniKitManagementOptions Options { get; }

    /// <summary>The paths of the enabled endpoints.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>
    /// Answers a request for one of <see cref="Paths"/>, or returns <see langword="null"/> for any other path so the
    /// caller can pass it on.
    /// </summary>
    public async Task<ManagementResponse?> HandleAsync(ManagementRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!routes.TryGetValue(request.Path, out var handler))
        {
            return null;
        }

        if (!HttpMethodIs(request.Method, "GET") && !HttpMethodIs(request.Method, "HEAD"))
        {
            return new ManagementResponse(405, TextContentType, "method not allowed\n"u8.ToArray(), new Dictionary<string, string> { ["Allow"] = "GET, HEAD" });
        }

        return await handler(request, cancellationToken).ConfigureAwait(false);
    }

    private void Add(bool enabled, string path, Func<ManagementRequest, CancellationToken, Task<ManagementResponse>> handler)
    {
        if (enabled)
        {
            routes[path] = handler;
        }
    }

    private Func<ManagementRequest, CancellationToken, Task<ManagementResponse>> Protect(
        Func<ManagementRequest, CancellationToken, Task<ManagementResponse>> handler) => (request, token) =>
    {
        if (bearer.IsAuthorized(request.GetHeader("Authorization")))
        {
            return handler(request, token);
        }

        var challenge = request.GetHeader("Authorization") is null ? "Bearer realm=\"monikit\"" : "Bearer realm=\"monikit\", error=\"invalid_token\"";
        return Task.FromResult(new ManagementResponse(401, TextContentType, "unauthorized\n"u8.ToArray(), new Dictionary<string, string>
        {
            ["WWW-Authenticate"] = challenge,
            ["Cache-Control"] = "no-store",
        }));
    };

    private async Task<ManagementResponse> MetricsAsync(ManagementRequest request, CancellationToken cancellationToken)
    {
        var format = ExpositionNegotiation.Choose(request.GetHeader("Accept"));
        var body = await collector.ScrapePrometheusAsync(format, cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, string> { ["Cache-Control"] = "no-store", ["Vary"] = "Accept, Accept-Encoding" };
        if (ContentEncoding.AcceptsGzip(request.GetHeader("Accept-Encoding")))
        {
            body = ContentEncoding.Gzip(body);
            headers["Content-Encoding"] = "gzip";
        }

        return new ManagementResponse(200, ExpositionNegotiation.ContentType(format), body, headers);
    }

    private async Task<ManagementResponse> MetricsTextAsync(ManagementRequest request, CancellationToken cancellationToken)
    {
        var summary = new MetricsTextSummary(service);
        await collector.CollectAsync(summary, cancellationToken).ConfigureAwait(false);
        return Text(200, summary.Text);
    }

    private Task<ManagementResponse> EnvAsync(ManagementRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ManagementResponse(200, JsonContentType, EnvironmentReportJson.Write(service, time), NoStore));

    private async Task<ManagementResponse> HealthAsync(Func<HealthCheckRegistration, bool>? predicate, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(predicate, cancellationToken).ConfigureAwait(false);
        var status = report.Status == HealthStatus.Unhealthy ? 503 : 200;
        return new ManagementResponse(status, JsonContentType, HealthReportJson.Write(report), NoStore);
    }

    private static ManagementResponse Text(int status, string text) =>
        new(status, TextContentType, Encoding.UTF8.GetBytes(text.EndsWith('\n') ? text : text + "\n"), NoStore);

    private static bool HttpMethodIs(string method, string expected) => string.Equals(method, expected, StringComparison.OrdinalIgnoreCase);
}
