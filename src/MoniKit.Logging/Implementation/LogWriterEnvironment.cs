namespace MoniKit.Logging.Implementation;

/// <summary>
/// What MoniKit's writer takes from the world around it: the clock, the file system, standard output and where its
/// own messages go. Tests put a fake clock, an in-memory disk and a console of their own in its place.
/// </summary>
internal sealed record LogWriterEnvironment(
    TimeProvider Time,
    ILogFileSystem FileSystem,
    Func<TextWriter> Console,
    Action<string> Report,
    Func<TextLineLayout> TextLayout)
{
    /// <summary>The real clock, disk and console; messages on standard error.</summary>
    public static LogWriterEnvironment Default { get; } = new(
        TimeProvider.System,
        PhysicalLogFileSystem.Instance,
        static () => System.Console.Out,
        StandardError.Shared.Write,
        TextLineLayout.ForConsole);
}
