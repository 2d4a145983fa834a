using System.Collections;

namespace MoniKit;

/// <summary>
/// A log state whose pairs MoniKit's logging writes as JSON fields (schema fields and names of the service's own at the
/// top level, names under an ECS or MoniKit root moved under <c>labels.</c>; see <c>docs/log-schema.md</c>), with a
/// message rendered once, here, instead of from a message template. MoniKit's own lines (<c>http.inbound</c>, <c>job</c>, ...) are written with
/// it; a service can write its own structured events the same way:
/// <code>
/// var state = new StructuredLogState("Invoice sent").Add(LogFields.Kind, EventKinds.App).Add("invoice.id", id);
/// logger.Log(LogLevel.Information, default, state, null, StructuredLogState.Formatter);
/// </code>
/// </summary>
#pragma warning disable CA1710 // A log state, not a collection: the name says what it is for.
public sealed class StructuredLogState(string message) : IReadOnlyList<KeyValuePair<string, object?>>
#pragma warning restore CA1710
{
    private readonly List<KeyValuePair<string, object?>> _fields = new(16);

    /// <summary>Renders the state as its message, for <c>ILogger.Log</c>.</summary>
    public static Func<StructuredLogState, Exception?, string> Formatter { get; } = (state, _) => state.Message;

    /// <summary>The rendered message.</summary>
    public string Message { get; } = message;

    /// <inheritdoc />
    public int Count => _fields.Count;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] => _fields[index];

    /// <summary>Adds a field; a <see langword="null"/> value is left out, so absent facts make no field.</summary>
    /// <param name="name">The field name, usually one of <see cref="LogFields"/>.</param>
    /// <param name="value">A string, number, boolean or date; anything else is written as its text.</param>
    /// <returns>This state.</returns>
    public StructuredLogState Add(string name, object? value)
    {
        if (value is not null)
        {
            _fields.Add(new(name, value));
        }

        return this;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => Message;
}
