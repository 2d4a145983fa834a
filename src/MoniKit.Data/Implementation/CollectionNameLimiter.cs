using System.Collections.Concurrent;

namespace MoniKit.Data.Implementation;

/// <summary>
/// Keeps the <c>db.collection.name</c> metric attribute bounded: the first tables seen keep their names and any
/// table after that is folded into one value, so a service that builds table names at run time cannot explode the
/// number of series.
/// </summary>
internal sealed class CollectionNameLimiter
{
    internal const int MaxCollections = 100;
    internal const string Other = "_other";

    private readonly ConcurrentDictionary<string, bool> seen = new(StringComparer.Ordinal);

    public string? Bound(string? collection)
    {
        if (collection is null)
        {
            return null;
        }

        if (seen.ContainsKey(collection))
        {
            return collection;
        }

        return seen.Count < MaxCollections && seen.TryAdd(collection, true) ? collection : Other;
    }
}
