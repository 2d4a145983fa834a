namespace MoniKit.Logging;

/// <summary>What MoniKit writes to standard output.</summary>
public enum MoniKitConsoleFormat
{
    /// <summary>One MoniKit JSON object per line, the same as the log file.</summary>
    Json,

    /// <summary>Readable coloured lines, for a developer's terminal.</summary>
    Text,

    /// <summary>Nothing.</summary>
    None,
}
