using NLog.Layouts;

namespace MoniKit.Benchmarks;

/// <summary>NLog's own <see cref="JsonLayout"/> configured to write the fields of a MoniKit line, as a team would without MoniKit.</summary>
public static class PlainJsonLayoutFactory
{
    public static JsonLayout Create(MoniKitOptions service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var layout = new JsonLayout
        {
            IncludeEventProperties = true,
            ExcludeProperties = new HashSet<string>(StringComparer.Ordinal) { "EventId", "EventName", LogFields.Kind },
        };
        Add(layout, LogFields.Timestamp, "${date:universalTime=true:format=yyyy-MM-ddTHH\\:mm\\:ss.ffffffZ}");
        Add(layout, LogFields.Level, "${level:lowercase=true}");
        Add(layout, LogFields.Message, "${message}");
        Add(layout, LogFields.EcsVersion, LogFields.CurrentEcsVersion);
        Add(layout, LogFields.SchemaVersion, LogFields.CurrentSchemaVersion);
        Add(layout, LogFields.Kind, "${event-properties:" + LogFields.Kind + ":whenEmpty=" + EventKinds.App + "}");
        Add(layout, LogFields.ServiceName, service.ServiceName ?? string.Empty);
        Add(layout, LogFields.ServiceVersion, service.ServiceVersion ?? string.Empty);
        Add(layout, LogFields.ServiceEnvironment, service.Environment ?? string.Empty);
        Add(layout, LogFields.EventDataset, (service.ServiceName ?? string.Empty).Replace('-', '_'));
        Add(layout, LogFields.HostName, Environment.MachineName);
        layout.Attributes.Add(new JsonAttribute(LogFields.ProcessPid, Layout.FromString("${processid}")) { Encode = false });
        Add(layout, LogFields.Logger, "${logger}");
        Add(layout, LogFields.EventAction, "${event-properties:EventName}");
        Add(layout, LogFields.ErrorType, "${exception:format=type}");
        Add(layout, LogFields.ErrorMessage, "${exception:format=message}");
        Add(layout, LogFields.ErrorStackTrace, "${exception:format=tostring}");
        return layout;
    }

    private static void Add(JsonLayout layout, string name, string value) =>
        layout.Attributes.Add(new JsonAttribute(name, Layout.FromString(value)));
}
