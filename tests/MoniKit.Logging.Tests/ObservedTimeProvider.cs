using Microsoft.Extensions.Time.Testing;

namespace MoniKit.Logging.Tests;

/// <summary>A <see cref="FakeTimeProvider"/> that tells when a timer is created: the writer is then waiting on it.</summary>
internal sealed class ObservedTimeProvider : TimeProvider
{
    private readonly SemaphoreSlim _timers = new(0);

    public FakeTimeProvider Fake { get; } = new();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        _timers.Release();
        return timer;
    }

    /// <summary>Waits until one more timer was created.</summary>
    public bool WaitForTimer(TimeSpan timeout) => _timers.Wait(timeout);

    public void Advance(TimeSpan delta) => Fake.Advance(delta);
}
