namespace MoniKit;

/// <summary>The values of <see cref="LogFields.Kind"/>: what kind of event a log line records.</summary>
public static class EventKinds
{
    /// <summary>Anything the application logs itself. The default.</summary>
    public const string App = "app";
    /// <summary>One line per inbound HTTP request.</summary>
    public const string HttpInbound = "http.inbound";
    /// <summary>One line per outbound HTTP call made through <c>IHttpClientFactory</c>.</summary>
    public const string HttpOutbound = "http.outbound";
    /// <summary>An unhandled exception, logged once.</summary>
    public const string Exception = "exception";
    /// <summary>One line per database command.</summary>
    public const string DbQuery = "db.query";
    /// <summary>One line per job run.</summary>
    public const string Job = "job";

    /// <summary>One line per alert in the local alerts file, written when no Slack webhook is configured.</summary>
    public const string Alert = "alert";

    /// <summary>Every kind, for validation.</summary>
    public static IReadOnlyList<string> All { get; } = [App, HttpInbound, HttpOutbound, Exception, DbQuery, Job, Alert];
}
