using NLog;

namespace MoniKit.Logging.Implementation;

/// <summary>An event waiting for the writer, with the context that only the logging thread could capture.</summary>
internal readonly record struct QueuedEvent(LogEventInfo Event, string? Context);
