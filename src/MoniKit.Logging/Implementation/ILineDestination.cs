namespace MoniKit.Logging.Implementation;

/// <summary>What the writer and the shutdown need of a destination, whatever it writes (characters or bytes).</summary>
internal interface ILineDestination : IDisposable
{
    /// <summary>The <c>target</c> label of its drops: <c>console</c>, <c>file</c> or <c>error-file</c>.</summary>
    string Name { get; }

    /// <summary>Lines handed to it and not written yet.</summary>
    long QueuedLines { get; }

    /// <summary>Every line it lost so far, as its counter shows them.</summary>
    long DroppedLines { get; }

    void Start();

    void Offer(FlushMarker marker);

    /// <summary>Gives it up: what it still holds is counted as dropped and returned; it takes nothing more.</summary>
    long Abandon();

    /// <summary>Lets it finish what is queued; returns whether its writer ended within <paramref name="timeout"/>.</summary>
    bool Complete(TimeSpan timeout);
}
