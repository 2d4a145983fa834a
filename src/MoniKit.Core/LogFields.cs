namespace MoniKit;

/// <summary>
/// The field names of the MoniKit log schema (version <see cref="CurrentSchemaVersion"/>): one JSON object per line,
/// with the Elastic Common Schema logging fields, OpenTelemetry semantic-convention names where ECS has none, and
/// MoniKit's own fields under <c>monikit.*</c>.
/// </summary>
/// <remarks>Every name here is documented in <c>docs/log-schema.md</c>. Renaming one is a breaking change.</remarks>
public static class LogFields
{
    /// <summary>The version of the MoniKit log schema written in <see cref="SchemaVersion"/>.</summary>
    public const string CurrentSchemaVersion = "2";

    /// <summary>The ECS version the schema is compatible with.</summary>
    public const string CurrentEcsVersion = "8.11.0";

    /// <summary>Time of the event, ISO 8601 in UTC with microseconds.</summary>
    public const string Timestamp = "@timestamp";
    /// <summary>Lower-case level: trace, debug, info, warn, error, fatal.</summary>
    public const string Level = "log.level";
    /// <summary>The rendered message.</summary>
    public const string Message = "message";
    /// <summary>The ECS version.</summary>
    public const string EcsVersion = "ecs.version";
    /// <summary>The category of the logger (the <c>T</c> of <c>ILogger&lt;T&gt;</c>).</summary>
    public const string Logger = "log.logger";
    /// <summary>The MoniKit schema version.</summary>
    public const string SchemaVersion = "monikit.schema";
    /// <summary>The kind of event; one of <see cref="EventKinds"/>.</summary>
    public const string Kind = "monikit.kind";
    /// <summary>The event id name or number given by the caller, when there is one.</summary>
    public const string EventAction = "event.action";

    /// <summary>The logical service name.</summary>
    public const string ServiceName = "service.name";
    /// <summary>The service version.</summary>
    public const string ServiceVersion = "service.version";
    /// <summary>The deployment environment (Development, Staging, Production).</summary>
    public const string ServiceEnvironment = "service.environment";
    /// <summary>The machine name.</summary>
    public const string HostName = "host.name";
    /// <summary>The process id.</summary>
    public const string ProcessPid = "process.pid";

    /// <summary>W3C trace id, 32 lower-case hex digits.</summary>
    public const string TraceId = "trace.id";
    /// <summary>W3C span id, 16 lower-case hex digits.</summary>
    public const string SpanId = "span.id";

    /// <summary>HTTP method.</summary>
    public const string HttpRequestMethod = "http.request.method";
    /// <summary>HTTP response status code.</summary>
    public const string HttpResponseStatusCode = "http.response.status_code";
    /// <summary>The route template that matched, never the raw path.</summary>
    public const string HttpRoute = "http.route";
    /// <summary>The request path (inbound).</summary>
    public const string UrlPath = "url.path";
    /// <summary>The query string with sensitive values redacted, without the leading <c>?</c>.</summary>
    public const string UrlQuery = "url.query";
    /// <summary>The full URL with sensitive query values redacted (outbound).</summary>
    public const string UrlFull = "url.full";
    /// <summary>The remote host of an outbound call.</summary>
    public const string ServerAddress = "server.address";
    /// <summary>The client address.</summary>
    public const string ClientIp = "client.ip";
    /// <summary>The User-Agent header.</summary>
    public const string UserAgent = "user_agent.original";
    /// <summary>Duration of the event in nanoseconds, as ECS defines it.</summary>
    public const string EventDuration = "event.duration";
    /// <summary><c>success</c>, <c>failure</c> or <c>unknown</c>, as ECS defines it.</summary>
    public const string EventOutcome = "event.outcome";
    /// <summary>
    /// Schema v1's captured request headers as one string. Still valid in v2, but deprecated: MoniKit writes one
    /// <see cref="HttpRequestHeaderPrefix"/> field per header instead.
    /// </summary>
    public const string HttpRequestHeaders = "http.request.headers";
    /// <summary>Captured request body (opt-in, size-capped).</summary>
    public const string HttpRequestBody = "http.request.body.content";

    /// <summary>Full type name of the exception.</summary>
    public const string ErrorType = "error.type";
    /// <summary>The exception message.</summary>
    public const string ErrorMessage = "error.message";
    /// <summary>The exception's stack trace, inner exceptions included.</summary>
    public const string ErrorStackTrace = "error.stack_trace";
    /// <summary>The exception's error group: <see cref="ErrorGrouping.GetKey"/>, the same for every occurrence of one fault.</summary>
    public const string ErrorGroupingKey = "error.grouping_key";

    /// <summary>The database system (<c>sqlite</c>, <c>postgresql</c>, ...), as OpenTelemetry names it.</summary>
    public const string DbSystem = "db.system.name";
    /// <summary>The SQL text, parameters as placeholders.</summary>
    public const string DbQueryText = "db.query.text";
    /// <summary>The SQL operation (SELECT, INSERT, ...).</summary>
    public const string DbOperation = "db.operation.name";
    /// <summary>The main table the command touches.</summary>
    public const string DbCollection = "db.collection.name";
    /// <summary><c>transient</c> or <c>permanent</c> for a failed command.</summary>
    public const string DbErrorClass = "monikit.db.error_class";

    /// <summary>What an alert line reports: <c>alert</c>, <c>follow_up</c> (grouped repeats) or <c>undelivered</c>.</summary>
    public const string AlertKind = "monikit.alert.kind";
    /// <summary>How many log events an alert line stands for.</summary>
    public const string AlertCount = "monikit.alert.count";

    /// <summary>The job name.</summary>
    public const string JobName = "monikit.job.name";
    /// <summary>
    /// <c>success</c>, <c>failure</c> or <c>cancelled</c>: keeps a cancelled run apart, which ECS's
    /// <see cref="EventOutcome"/> can only call <c>unknown</c>.
    /// </summary>
    public const string JobOutcome = "monikit.job.outcome";
    /// <summary>The next scheduled run of a periodic job.</summary>
    public const string JobNextRun = "monikit.job.next_run";

    // Schema v2: fields that changed meaning or are new since v1 (see "Changes from v1" in docs/log-schema.md).

    /// <summary>
    /// The prefix of a captured request header's field (opt-in): <c>http.request.header.</c> and the header's name in
    /// lower case, such as <c>http.request.header.accept</c>; secret headers are masked.
    /// </summary>
    public const string HttpRequestHeaderPrefix = "http.request.header.";
    /// <summary>ASP.NET Core's identifier of the request (<c>HttpContext.TraceIdentifier</c>), as ECS names it.</summary>
    public const string HttpRequestId = "http.request.id";
    /// <summary>The log stream of the service: its <see cref="ServiceName"/>, as ecs-logging sets it by default.</summary>
    public const string EventDataset = "event.dataset";
    /// <summary>Rows a query returned (read through its reader), as OpenTelemetry defines it.</summary>
    public const string DbReturnedRows = "db.response.returned_rows";
    /// <summary>Rows an INSERT, UPDATE or DELETE changed, as the provider reports them.</summary>
    public const string DbAffectedRows = "monikit.db.affected_rows";
    /// <summary>
    /// Prefix of one parameter value (opt-in): <c>db.query.parameter.</c> and the parameter's name without its
    /// <c>@</c>, <c>:</c> or <c>$</c>, or its 0-based position when it has no name, as OpenTelemetry names it.
    /// </summary>
    public const string DbQueryParameterPrefix = "db.query.parameter.";
    /// <summary>
    /// Prefix of a string property whose name would collide with an ECS field set or a MoniKit field (ECS's
    /// <c>labels</c>: keyword values, no nested keys).
    /// </summary>
    public const string LabelsPrefix = "labels.";
    /// <summary>Prefix of a number or boolean property whose name would collide with an ECS field set or a MoniKit field.</summary>
    public const string ValuesPrefix = "monikit.values.";

    // Alert lines (alerts.json): the error group an alert belongs to, and why a line is in the file.

    /// <summary>
    /// The error group of an alert: <see cref="ErrorGroupingKey"/> for an exception, else the alert's own grouping key
    /// (kind, route, status, logger or message template; never the rendered message).
    /// </summary>
    public const string AlertGroup = "monikit.alert.group";
    /// <summary><c>new</c> when the alert's group was not seen since the process started, else <c>recurring</c>.</summary>
    public const string AlertGroupStatus = "monikit.alert.group_status";
    /// <summary>How many events of the alert's group were seen since the process started, this one included.</summary>
    public const string AlertSeen = "monikit.alert.seen";
    /// <summary>Why an alert line is in the local file although a webhook is set, or, for a summary, the count per reason.</summary>
    public const string AlertReason = "monikit.alert.reason";
}
