using System.Diagnostics;
using System.Text;
using NLog;
using NLog.Layouts;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// Renders what only the logging thread knows: the current activity's trace and span ids, ASP.NET Core's request id
/// and the scope properties. MoniKit's JSON writer captures it with <see cref="Capture"/> before it queues an event;
/// as a layout it is deliberately not thread-agnostic, so NLog's asynchronous targets precalculate it (and only it)
/// on the caller's thread. Secrets are masked by the names' redaction policy (the host's).
/// </summary>
internal sealed class LogContextLayout(PropertyNames names) : Layout
{
    [ThreadStatic]
    private static StringBuilder? t_builder;

    [ThreadStatic]
    private static List<string>? t_written;

    /// <summary>Renders the context of an event on the calling thread; <see langword="null"/> when there is none.</summary>
    public static string? Capture(LogEventInfo logEvent, PropertyNames names)
    {
        // Taken from the thread while in use: a property's ToString may log, and that call gets a builder of its own.
        var builder = t_builder ?? new StringBuilder(256);
        t_builder = null;
        builder.Clear();
        Append(logEvent, builder, names);
        var context = builder.Length == 0 ? null : builder.ToString();
        t_builder = builder;
        return context;
    }

    protected override string GetFormattedMessage(LogEventInfo logEvent) => Capture(logEvent, names) ?? string.Empty;

    protected override void RenderFormattedMessage(LogEventInfo logEvent, StringBuilder target) => Append(logEvent, target, names);

    private static void Append(LogEventInfo logEvent, StringBuilder target, PropertyNames names)
    {
        var activity = Activity.Current;
        if (activity is { IdFormat: ActivityIdFormat.W3C })
        {
            target.Append(",\"").Append(LogFields.TraceId).Append("\":\"").Append(activity.TraceId.ToHexString())
                .Append("\",\"").Append(LogFields.SpanId).Append("\":\"").Append(activity.SpanId.ToHexString()).Append('"');
        }

        // Scopes hold a handful of properties, so a linear look-back finds a name written by an outer scope.
        var written = t_written ?? [];
        t_written = null;
        written.Clear();
        var moved = new MovedFields(null);
        AspNetCoreScopes? aspNetCore = null;
        try
        {
            foreach (var property in ScopeContext.GetAllProperties())
            {
                var name = property.Key;
                if (name is null)
                {
                    continue;
                }

                if (AspNetCoreScopes.MayBeFrameworks(name))
                {
                    aspNetCore ??= FindAspNetCoreScopes(target);

                    // RequestId is written as http.request.id; RequestPath repeats url.path; Kestrel's ConnectionId
                    // begins every request id and is in the text of Kestrel's own connection messages.
                    if (aspNetCore.Value.IsFrameworks(name, property.Value))
                    {
                        continue;
                    }
                }

                var classified = names.Classify(name);
                if (classified.Role == PropertyRole.Template
                    || (logEvent.HasProperties && logEvent.Properties.ContainsKey(name))
                    || Written(written, name))
                {
                    continue;
                }

                written.Add(name);
                PropertyWriter.Append(target, classified, property.Value, ref moved);
            }
        }
        finally
        {
            moved.Release();
            written.Clear();
            t_written = written;
        }
    }

    private static AspNetCoreScopes FindAspNetCoreScopes(StringBuilder target)
    {
        var scopes = AspNetCoreScopes.Find();
        if (scopes.RequestId is { } requestId)
        {
            target.Append(",\"" + LogFields.HttpRequestId + "\":");
            JsonValue.Append(target, requestId);
        }

        return scopes;
    }

    private static bool Written(List<string> written, string name)
    {
        foreach (var done in written)
        {
            if (string.Equals(done, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
