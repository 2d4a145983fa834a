using System.Collections.Frozen;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// Which names belong to the schema: the fields a MoniKit event carries as structured properties, and the roots
/// (the part of a name before its first dot) that ECS and MoniKit own, so that a property elsewhere can never turn
/// one of their objects into a plain value.
/// </summary>
internal static class SchemaFields
{
    // The field sets of ECS 8.11 (reusable ones included: ECS may place them at the top level), its base fields, and
    // the OpenTelemetry and MoniKit roots that MoniKit writes. Case matters: ECS names are lower case.
    private static readonly FrozenSet<string> ReservedRoots = new[]
    {
        "@timestamp", "labels", "message", "tags",
        "agent", "as", "client", "cloud", "code_signature", "container", "data_stream", "destination", "device", "dll",
        "dns", "ecs", "elf", "email", "error", "event", "faas", "file", "geo", "group", "hash", "host", "http",
        "interface", "log", "macho", "network", "observer", "orchestrator", "organization", "os", "package", "pe",
        "process", "registry", "related", "risk", "rule", "server", "service", "source", "span", "threat", "tls",
        "trace", "transaction", "url", "user", "user_agent", "vlan", "volume", "vulnerability", "x509",
        "db", "monikit",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Every field of the schema that an event sets through a structured property (the layout writes the others
    // itself), and the JSON type of its value.
    private static readonly FrozenDictionary<string, FieldType> EventFields = new Dictionary<string, FieldType>(StringComparer.Ordinal)
    {
        [LogFields.HttpRequestMethod] = FieldType.Text,
        [LogFields.HttpResponseStatusCode] = FieldType.Number,
        [LogFields.HttpRoute] = FieldType.Text,
        [LogFields.UrlPath] = FieldType.Text,
        [LogFields.UrlQuery] = FieldType.Text,
        [LogFields.UrlFull] = FieldType.Text,
        [LogFields.ServerAddress] = FieldType.Text,
        [LogFields.ClientIp] = FieldType.Text,
        [LogFields.UserAgent] = FieldType.Text,
        [LogFields.EventDuration] = FieldType.Number,
        [LogFields.EventOutcome] = FieldType.Text,
        [LogFields.HttpRequestHeaders] = FieldType.Text,
        [LogFields.HttpRequestBody] = FieldType.Text,
        [LogFields.DbSystem] = FieldType.Text,
        [LogFields.DbQueryText] = FieldType.Text,
        [LogFields.DbOperation] = FieldType.Text,
        [LogFields.DbCollection] = FieldType.Text,
        [LogFields.DbReturnedRows] = FieldType.Number,
        [LogFields.DbAffectedRows] = FieldType.Number,
        [LogFields.DbErrorClass] = FieldType.Text,
        [LogFields.AlertKind] = FieldType.Text,
        [LogFields.AlertCount] = FieldType.Number,
        [LogFields.JobName] = FieldType.Text,
        [LogFields.JobOutcome] = FieldType.Text,
        [LogFields.JobNextRun] = FieldType.Text,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Fields named by a prefix and a key of their own; the key may not hold a dot, or it would nest.
    private static readonly string[] EventFieldPrefixes = [LogFields.HttpRequestHeaderPrefix, LogFields.DbQueryParameterPrefix];

    /// <summary>The JSON type of the field an event sets under <paramref name="name"/>; <see langword="null"/> when it is none.</summary>
    public static FieldType? EventField(string name)
    {
        if (EventFields.TryGetValue(name, out var type))
        {
            return type;
        }

        foreach (var prefix in EventFieldPrefixes)
        {
            if (name.Length > prefix.Length
                && name.StartsWith(prefix, StringComparison.Ordinal)
                && name.AsSpan(prefix.Length).IndexOf('.') < 0)
            {
                // A header always has a value; a parameter may be SQL NULL.
                return FieldType.TextOrNull;
            }
        }

        return null;
    }

    /// <summary>Whether the root of <paramref name="name"/> (the part before its first dot) is ECS's or MoniKit's.</summary>
    public static bool HasReservedRoot(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return ReservedRoots.Contains(dot < 0 ? name : name[..dot]);
    }
}
