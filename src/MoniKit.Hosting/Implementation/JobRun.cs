using System.Diagnostics;

namespace MoniKit.Hosting.Implementation;

/// <summary>
/// One run in progress. Whoever reports it first, the run when it ends or the host when it stops without it,
/// claims it, so each run is reported exactly once.
/// </summary>
internal sealed class JobRun(string job, long start, Activity activity)
{
    private int _claimed;

    public string Job => job;

    public long Start => start;

    public Activity Activity => activity;

    /// <summary>Returns <see langword="true"/> to the one caller that may report the run.</summary>
    public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;
}
