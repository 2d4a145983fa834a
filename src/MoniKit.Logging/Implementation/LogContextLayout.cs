using System.Diagnostics;
using System.Text;
using NLog;
using NLog.Layouts;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// Renders what only the logging thread knows: the current activity's trace and span ids and the scope properties.
/// This layout is deliberately not thread-agnostic, so asynchronous targets precalculate it (and only it) on the
/// caller's thread before the event is queued.
/// </summary>
internal sealed class LogContextLayout : Layout
{
    protected override string GetFormattedMessage(LogEventInfo logEvent)
    {
        var builder = new StringBuilder(128);
        RenderFormattedMessage(logEvent, builder);
        return builder.ToString();
    }

    protected override void RenderFormattedMessage(LogEventInfo logEvent, StringBuilder target)
    {
        var activity = Activity.Current;
        if (activity is { IdFormat: ActivityIdFormat.W3C })
        {
            target.Append(",\"").Append(LogFields.TraceId).Append("\":\"").Append(activity.TraceId.ToHexString())
                .Append("\",\"").Append(LogFields.SpanId).Append("\":\"").Append(activity.SpanId.ToHexString()).Append('"');
        }

        HashSet<string>? written = null;
        foreach (var property in ScopeContext.GetAllProperties())
        {
            var name = property.Key;
            if (!PropertyWriter.IsWritable(name)
                || (logEvent.HasProperties && logEvent.Properties.ContainsKey(name))
                || !(written ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
            {
                continue;
            }

            PropertyWriter.Append(target, name, property.Value);
        }
    }
}
