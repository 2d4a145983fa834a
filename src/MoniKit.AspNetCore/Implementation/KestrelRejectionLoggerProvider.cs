using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MoniKit.AspNetCore.Implementation;

/// <summary>
/// Listens to Kestrel's bad-request log category only. A request Kestrel rejects while parsing it (431 for headers
/// over the limit, 400 for bytes that are not HTTP) never reaches any middleware; this event is its one trace, and
/// it becomes that request's <c>http.inbound</c> line.
/// </summary>
internal sealed class KestrelRejectionLoggerProvider(IServiceProvider services) : ILoggerProvider, ISupportExternalScope
{
    public const string Category = "Microsoft.AspNetCore.Server.Kestrel.BadRequests";

    // Resolved on first use: the logger factory is what creates this provider.
    private readonly Lazy<ILogger> _requests = new(() => services.GetRequiredService<ILoggerFactory>().CreateLogger<RequestLoggingMiddleware>());

    private IExternalScopeProvider? _scopes;

    public ILogger CreateLogger(string categoryName) =>
        string.Equals(categoryName, Category, StringComparison.Ordinal)
            ? new KestrelRejectionLogger(_requests, services.GetRequiredService<AnsweredRejections>(), () => _scopes)
            : NullLogger.Instance;

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }
}
