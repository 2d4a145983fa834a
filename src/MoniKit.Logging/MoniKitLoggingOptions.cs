using Microsoft.Extensions.Logging;

namespace MoniKit.Logging;

/// <summary>Where and how MoniKit writes log lines. Bound from the <c>MoniKit:Logging</c> section.</summary>
public sealed class MoniKitLoggingOptions
{
    /// <summary>The configuration section, under <c>MoniKit</c>.</summary>
    public const string SectionName = "Logging";

    private const string Key = MoniKitOptions.SectionName + ":" + SectionName + ":";

    /// <summary>
    /// The folder of the log files; a relative path is resolved against the host's content root.
    /// Default value: <c>logs</c>.
    /// </summary>
    public string Directory { get; set; } = "logs";

    /// <summary>
    /// The file with every line, in <see cref="Directory"/>. Archives are named <c>name_01.json</c>, <c>name_02.json</c>, ...
    /// Default value: <c>&lt;service.name&gt;.json</c>.
    /// </summary>
    public string? FileName { get; set; }

    /// <summary>The file with Error and Fatal lines only. Default value: <c>&lt;service.name&gt;.error.json</c>.</summary>
    public string? ErrorFileName { get; set; }

    /// <summary>
    /// A file is archived when a write would take it beyond this size, in megabytes (fractions allowed).
    /// Default value: 5.
    /// </summary>
    public double ArchiveAboveSizeMb { get; set; } = 5;

    /// <summary>How many archived files are kept next to each active file; older ones are deleted. Default value: 5.</summary>
    public int MaxArchiveFiles { get; set; } = 5;

    /// <summary>
    /// What is written to standard output: <c>Json</c>, <c>Text</c> or <c>None</c>.
    /// Default value: <c>Text</c> in the Development environment, <c>Json</c> otherwise.
    /// </summary>
    public MoniKitConsoleFormat? Console { get; set; }

    /// <summary>
    /// The lowest level written to standard output; the files still get every level. Default value: <c>Trace</c>
    /// (everything the <c>Logging:LogLevel</c> filters let through) in the Development environment, <c>Warning</c>
    /// otherwise: the log file, which the monitoring stack ships, has every line, and writing each line twice costs
    /// throughput. Set <c>Information</c> where standard output is what gets collected (Kubernetes, for example).
    /// </summary>
    public LogLevel? ConsoleLevel { get; set; }

    /// <summary>Whether the file with every line is written. Default value: <see langword="true"/>.</summary>
    public bool File { get; set; } = true;

    /// <summary>Whether the file with Error and Fatal lines is written. Default value: <see langword="true"/>.</summary>
    public bool ErrorFile { get; set; } = true;

    /// <summary>
    /// How many events may wait to be written (one queue serves the JSON console and both files). Default value: 10000.
    /// </summary>
    public int QueueLimit { get; set; } = 10000;

    /// <summary>
    /// What happens when a queue is full. <c>Discard</c> never makes a request wait and counts every dropped event in
    /// <c>monikit.log.events.dropped</c>. Default value: <c>Discard</c>.
    /// </summary>
    public MoniKitLogOverflowAction OverflowAction { get; set; } = MoniKitLogOverflowAction.Discard;

    internal IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Directory) || Directory.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            yield return $"{Key}{nameof(Directory)} must be a valid folder path (was '{Directory}')";
        }

        if (!IsValidFileName(FileName))
        {
            yield return $"{Key}{nameof(FileName)} must be a file name without a folder (was '{FileName}')";
        }

        if (!IsValidFileName(ErrorFileName))
        {
            yield return $"{Key}{nameof(ErrorFileName)} must be a file name without a folder (was '{ErrorFileName}')";
        }

        if (File && ErrorFile && FileName is not null && string.Equals(FileName, ErrorFileName, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{Key}{nameof(ErrorFileName)} must differ from {Key}{nameof(FileName)}";
        }

        if (!double.IsFinite(ArchiveAboveSizeMb) || ArchiveAboveSizeMb < 0.001 || ArchiveAboveSizeMb > 10240)
        {
            yield return $"{Key}{nameof(ArchiveAboveSizeMb)} must be between 0.001 and 10240 (was {ArchiveAboveSizeMb})";
        }

        if (MaxArchiveFiles is < 0 or > 1000)
        {
            yield return $"{Key}{nameof(MaxArchiveFiles)} must be between 0 and 1000 (was {MaxArchiveFiles})";
        }

        if (QueueLimit is < 1 or > 10_000_000)
        {
            yield return $"{Key}{nameof(QueueLimit)} must be between 1 and 10000000 (was {QueueLimit})";
        }

        if (!Enum.IsDefined(OverflowAction))
        {
            yield return $"{Key}{nameof(OverflowAction)} must be Discard, Block or Grow (was '{OverflowAction}')";
        }

        if (ConsoleLevel is { } level && (level == LogLevel.None || !Enum.IsDefined(level)))
        {
            yield return $"{Key}{nameof(ConsoleLevel)} must be Trace, Debug, Information, Warning, Error or Critical (was '{level}')";
        }

        if (Console is { } console && !Enum.IsDefined(console))
        {
            yield return $"{Key}{nameof(Console)} must be Json, Text or None (was '{console}')";
        }
    }

    internal long ArchiveAboveSizeBytes => (long)(ArchiveAboveSizeMb * 1024 * 1024);

    /// <summary>The full path of <see cref="Directory"/>, a relative one resolved against the content root.</summary>
    internal string ResolveDirectory(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, Directory));

    private static bool IsValidFileName(string? name) =>
        name is null
        || (!string.IsNullOrWhiteSpace(name) && name.AsSpan().IndexOfAny(Path.GetInvalidFileNameChars()) < 0
            && name.IndexOf('\\', StringComparison.Ordinal) < 0 && name is not "." and not "..");
}
