namespace MoniKit.Hosting;

/// <summary>Settings of job monitoring. Bound from <c>MoniKit:Jobs</c>.</summary>
public sealed class MoniKitJobsOptions
{
    /// <summary>The configuration section, under <c>MoniKit</c>.</summary>
    public const string SectionName = "Jobs";

    /// <summary>
    /// The interval of periodic jobs by job name, overriding the interval given in code, such as
    /// <c>MoniKit:Jobs:Intervals:cleanup = 00:05:00</c> (or <c>MoniKit__Jobs__Intervals__cleanup</c> in the environment).
    /// Default value: empty (the intervals given in code).
    /// </summary>
    public IDictionary<string, TimeSpan> Intervals { get; } = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase);

    internal IEnumerable<string> Validate()
    {
        foreach (var (name, interval) in Intervals)
        {
            if (interval <= TimeSpan.Zero)
            {
                yield return $"{MoniKitOptions.SectionName}:{SectionName}:{nameof(Intervals)}:{name} must be a positive time span such as 00:05:00 (was {interval})";
            }
        }
    }
}
