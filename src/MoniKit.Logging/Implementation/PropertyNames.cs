using System.Collections.Concurrent;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// The classified property names of one redaction policy. Property names are almost always template constants, so
/// each is classified and escaped once per policy; hosts with the built-in policy share <see cref="Default"/>.
/// </summary>
internal sealed class PropertyNames
{
    private const int MaxCachedNames = 4096;

    private readonly ConcurrentDictionary<string, PropertyName> _names = new(StringComparer.Ordinal);
    private readonly RedactionPolicy _redaction;

    private PropertyNames(RedactionPolicy redaction) => _redaction = redaction;

    /// <summary>The names under <see cref="RedactionPolicy.Default"/>.</summary>
    public static PropertyNames Default { get; } = new(RedactionPolicy.Default);

    public static PropertyNames For(RedactionPolicy redaction) =>
        ReferenceEquals(redaction, RedactionPolicy.Default) ? Default : new(redaction);

    /// <summary>What the layout does with a property of this name.</summary>
    public PropertyName Classify(string name)
    {
        if (_names.TryGetValue(name, out var known))
        {
            return known;
        }

        known = PropertyName.Classify(name, _redaction);
        if (_names.Count < MaxCachedNames)
        {
            _names.TryAdd(name, known);
        }

        return known;
    }
}
