using System.Collections;

namespace MoniKit.Hosting.Implementation;

/// <summary>
/// A structured log state: MoniKit's logging writes each pair as a top-level JSON field, and the message is
/// rendered once, here, instead of by a message template.
/// </summary>
internal sealed class LogState(string message) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _fields = new(8);

    public string Message { get; } = message;

    public int Count => _fields.Count;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public static Func<LogState, Exception?, string> Formatter { get; } = (state, _) => state.Message;

    public LogState Add(string name, object? value)
    {
        if (value is not null)
        {
            _fields.Add(new(name, value));
        }

        return this;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;
}
