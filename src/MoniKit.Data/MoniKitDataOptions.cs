namespace MoniKit.Data;

/// <summary>
/// How database commands are logged and measured. Bound from the <c>MoniKit:Data</c> configuration section.
/// </summary>
public sealed class MoniKitDataOptions
{
    /// <summary>The configuration section, under <c>MoniKit</c>.</summary>
    public const string SectionName = "Data";

    private const string Prefix = "MoniKit:Data:";

    /// <summary>
    /// Whether parameter values are written, one <c>db.query.parameter.&lt;key&gt;</c> field each. Even when on, the
    /// value of every parameter whose name the host's redaction policy calls a secret (password, token, key, ...), or
    /// that the SQL binds to a column with such a name (<c>INSERT INTO u (name, password) VALUES (@p0, @p1)</c>), is
    /// masked.
    /// Default value: <see langword="false"/>.
    /// </summary>
    public bool LogParameters { get; set; }

    /// <summary>
    /// A command that takes at least this many milliseconds is logged at Warning and counted in
    /// <c>monikit.db.slow_queries</c>. Set it to 0 to log every command at Warning.
    /// Default value: 1000.
    /// </summary>
    public int SlowQueryThresholdMs { get; set; } = 1000;

    /// <summary>
    /// A command that takes at least this many milliseconds is logged at Error, and so reaches the alerts.
    /// Must be at least <see cref="SlowQueryThresholdMs"/>.
    /// Default value: 5000.
    /// </summary>
    public int CriticalQueryThresholdMs { get; set; } = 5000;

    /// <summary>
    /// The longest SQL text written to <c>db.query.text</c>, in characters; longer text is cut.
    /// Default value: 4000.
    /// </summary>
    public int MaxQueryTextLength { get; set; } = 4000;

    internal IEnumerable<string> Validate()
    {
        if (SlowQueryThresholdMs < 0)
        {
            yield return $"{Prefix}{nameof(SlowQueryThresholdMs)} must be 0 or more (was {SlowQueryThresholdMs})";
        }

        if (CriticalQueryThresholdMs < 0)
        {
            yield return $"{Prefix}{nameof(CriticalQueryThresholdMs)} must be 0 or more (was {CriticalQueryThresholdMs})";
        }
        else if (CriticalQueryThresholdMs < SlowQueryThresholdMs)
        {
            yield return $"{Prefix}{nameof(CriticalQueryThresholdMs)} must be at least {Prefix}{nameof(SlowQueryThresholdMs)} (was {CriticalQueryThresholdMs}, below {SlowQueryThresholdMs})";
        }

        if (MaxQueryTextLength < 1)
        {
            yield return $"{Prefix}{nameof(MaxQueryTextLength)} must be 1 or more (was {MaxQueryTextLength})";
        }
    }
}
