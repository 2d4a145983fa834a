namespace MoniKit.Hosting;

/// <summary>How a job run ended; the <c>outcome</c> label of <c>monikit_job_runs_total</c>.</summary>
public enum JobOutcome
{
    /// <summary>The work completed (<c>success</c>).</summary>
    Success,

    /// <summary>The work threw (<c>failure</c>); logged at Error with the exception.</summary>
    Failure,

    /// <summary>The caller's token was cancelled during the run, usually because the host is stopping (<c>cancelled</c>).</summary>
    Cancelled,

    /// <summary>
    /// The work ignored cancellation and was still running when the host stopped, after its shutdown timeout
    /// (<c>abandoned</c>); logged at Warn with its duration so far.
    /// </summary>
    Abandoned,
}
