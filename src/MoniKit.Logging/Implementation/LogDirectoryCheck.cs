namespace MoniKit.Logging.Implementation;

/// <summary>
/// Checks at start-up that the log folder can hold the log files: a folder under <c>/proc</c>, an existing file in its
/// place or a folder without write permission stops the service with the key and the reason, instead of starting it
/// with no log file at all. The files are created (empty) if they do not exist yet.
/// </summary>
internal static class LogDirectoryCheck
{
    private const string Key = MoniKitOptions.SectionName + ":" + MoniKitLoggingOptions.SectionName + ":" + nameof(MoniKitLoggingOptions.Directory);

    public static IEnumerable<string> Validate(MoniKitLoggingOptions options, string directory, string serviceName)
    {
        if (!options.File && !options.ErrorFile)
        {
            yield break;
        }

        if (File.Exists(directory))
        {
            yield return $"{Key} must be a folder, but '{Shown(directory)}' is a file";
            yield break;
        }

        var failure = Try(() => Directory.CreateDirectory(directory), "cannot be created");
        if (failure is null && options.File)
        {
            failure = Probe(Path.Combine(directory, options.FileName ?? serviceName + ".json"));
        }

        if (failure is null && options.ErrorFile)
        {
            failure = Probe(Path.Combine(directory, options.ErrorFileName ?? serviceName + ".error.json"));
        }

        if (failure is not null)
        {
            yield return $"{Key} '{Shown(directory)}' {failure}";
        }
    }

    private static string? Probe(string path) =>
        Try(() => new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0).Dispose(), "cannot be written");

    private static string? Try(Action action, string failure)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return $"{failure}: {Shown(ex.Message)}";
        }
    }

    private static string Shown(string text) => SafeText.EscapeControlCharacters(text);
}
