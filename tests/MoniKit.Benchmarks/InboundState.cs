using System.Collections;

namespace MoniKit.Benchmarks;

/// <summary>A Microsoft.Extensions.Logging state with a rendered message and structured fields, as MoniKit's middleware logs.</summary>
public sealed class InboundState(string message, IReadOnlyList<KeyValuePair<string, object?>> fields) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public static Func<InboundState, Exception?, string> Format { get; } = (state, _) => state.Message;

    public string Message { get; } = message;

    public int Count => fields.Count;

    public KeyValuePair<string, object?> this[int index] => fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;
}
