namespace MoniKit.Hosting.Implementation;

/// <summary>The outcome names written in metrics and log lines.</summary>
internal static class JobOutcomeNames
{
    public static string Of(JobOutcome outcome) => outcome switch
    {
        JobOutcome.Success => "success",
        JobOutcome.Failure => "failure",
        JobOutcome.Abandoned => "abandoned",
        _ => "cancelled",
    };

    /// <summary>The ECS <c>event.outcome</c> value.</summary>
    public static string EventOutcome(JobOutcome outcome) => outcome switch
    {
        JobOutcome.Success => "success",
        JobOutcome.Failure => "failure",
        _ => "unknown",
    };
}
