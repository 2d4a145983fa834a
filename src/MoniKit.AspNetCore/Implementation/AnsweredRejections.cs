using System.Collections.Concurrent;

namespace MoniKit.AspNetCore.Implementation;

/// <summary>
/// The connections whose request the middleware answered after Kestrel rejected its body. Kestrel reports the same
/// rejection again when it drains the rest of the body after the request, outside it; that report must not make
/// a second line.
/// </summary>
internal sealed class AnsweredRejections
{
    // Kestrel closes such a connection at once, so entries are consumed within moments; the cap only guards
    // against a report that never comes.
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, byte> _connections = new(StringComparer.Ordinal);

    public void Add(string connectionId)
    {
        if (_connections.Count >= Capacity)
        {
            _connections.Clear();
        }

        _connections.TryAdd(connectionId, 0);
    }

    /// <summary>Whether the rejection on this connection already has its line; forgets the connection.</summary>
    public bool Remove(string? connectionId) => connectionId is not null && _connections.TryRemove(connectionId, out _);
}
