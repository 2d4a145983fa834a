using System.Text.Json;
using MoniKit.Logging;
using MoniKit.Testing.Implementation;

namespace MoniKit.Testing;

/// <summary>
/// The MoniKit JSON lines a host writes, captured in memory, rendered by the same layout as the log files.
/// Create it with <c>services.AddMoniKitLogCapture()</c>; the host must use <c>AddMoniKitLogging()</c>.
/// </summary>
public sealed class LogCapture
{
    private readonly List<string> _lines = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A snapshot of the lines captured so far, oldest first.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Every captured line parsed, oldest first.</summary>
    public IReadOnlyList<JsonElement> Entries => [.. Lines.Select(Parse)];

    /// <summary>Forgets the lines captured so far.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _lines.Clear();
        }
    }

    /// <summary>Returns the first captured line that matches, waiting for it up to <paramref name="timeout"/> (default 10 s).</summary>
    /// <param name="predicate">Tests a parsed line.</param>
    /// <param name="timeout">How long to wait for a matching line.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The parsed line.</returns>
    /// <exception cref="TimeoutException">No line matched in time; the message lists the lines seen.</exception>
    public async Task<JsonElement> WaitForLineAsync(
        Func<JsonElement, bool> predicate,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        var checkedCount = 0;
        while (true)
        {
            Task changed;
            string[] fresh;
            lock (_lock)
            {
                changed = _changed.Task;
                fresh = [.. _lines.Skip(checkedCount)];
                checkedCount = _lines.Count;
            }

            foreach (var line in fresh)
            {
                var entry = Parse(line);
                if (predicate(entry))
                {
                    return entry;
                }
            }

            try
            {
                await changed.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"No captured log line matched within {timeout ?? TimeSpan.FromSeconds(10)}. Lines seen:{Environment.NewLine}"
                    + string.Join(Environment.NewLine, Lines));
            }
        }
    }

    /// <summary>Returns the first captured line whose <c>message</c> contains <paramref name="text"/>, waiting for it.</summary>
    /// <param name="text">The text to look for.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The parsed line.</returns>
    public Task<JsonElement> WaitForMessageAsync(string text, TimeSpan? timeout = null) =>
        WaitForLineAsync(
            e => e.TryGetProperty(LogFields.Message, out var m) && m.GetString()?.Contains(text, StringComparison.Ordinal) == true,
            timeout);

    internal CaptureTarget CreateTarget(MoniKitOptions service, RedactionPolicy redaction) =>
        new(this) { Layout = new MoniKitJsonLayout(service, redaction) };

    internal void Add(string line)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _lines.Add(line);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private static JsonElement Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }
}
