using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;

namespace MoniKit.AspNetCore.Implementation;

/// <summary>
/// Adds <see cref="OutboundLoggingHandler"/> to every client from <c>IHttpClientFactory</c> except MoniKit's own
/// (named <c>MoniKit.*</c>): the Slack client's URL is a secret and must never be logged.
/// </summary>
internal sealed class OutboundLoggingFilter(ILoggerFactory loggerFactory, MoniKitHttpOptions options, RedactionPolicy redaction)
    : IHttpMessageHandlerBuilderFilter
{
    public const string LoggerCategory = "MoniKit.Http.Outbound";

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (options.LogOutbound && builder.Name?.StartsWith("MoniKit.", StringComparison.Ordinal) != true)
        {
            builder.AdditionalHandlers.Insert(0, new OutboundLoggingHandler(loggerFactory.CreateLogger(LoggerCategory), options, redaction));
        }
    };
}
