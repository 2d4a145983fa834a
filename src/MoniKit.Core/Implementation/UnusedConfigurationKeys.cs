using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace MoniKit.Implementation;

/// <summary>
/// Finds the keys under <c>MoniKit</c> that no bound options type reads, the way the configuration binder reads
/// them: public properties by name (or <see cref="ConfigurationKeyNameAttribute"/>), case-insensitive, into nested
/// objects, dictionaries and lists.
/// </summary>
internal static class UnusedConfigurationKeys
{
    /// <summary>Returns each unread key with a value, in full (<c>MoniKit:Data:SlowQueryThresholdMs</c>), sorted.</summary>
    /// <param name="section">The <c>MoniKit</c> section.</param>
    /// <param name="bound">Each options type with the sub-section it was bound from (<see langword="null"/> for <c>MoniKit</c> itself).</param>
    public static IReadOnlyList<string> Find(IConfigurationSection section, IEnumerable<(string? Section, Type Options)> bound)
    {
        var types = bound.Select(b => (Path: b.Section?.Split(':') ?? [], b.Options)).ToList();
        return section.AsEnumerable(makePathsRelative: true)
            .Where(pair => pair.Value is not null && !types.Any(t => Reads(t.Options, t.Path, pair.Key.Split(':'))))
            .Select(pair => SafeText.EscapeControlCharacters($"{section.Path}:{pair.Key}"))
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static bool Reads(Type type, string[] path, string[] key) =>
        key.Length >= path.Length
        && path.Select((segment, i) => string.Equals(segment, key[i], StringComparison.OrdinalIgnoreCase)).All(same => same)
        && Reads(type, key.AsSpan(path.Length));

    private static bool Reads(Type type, ReadOnlySpan<string> rest)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(type))
        {
            return rest.IsEmpty;
        }

        if (rest.IsEmpty)
        {
            return false;
        }

        if ((ValueType(type, typeof(IDictionary<,>)) ?? ValueType(type, typeof(IReadOnlyDictionary<,>))) is { } value)
        {
            return Reads(value, rest[1..]);
        }

        if (ElementType(type) is { } element)
        {
            return int.TryParse(rest[0], out var index) && index >= 0 && Reads(element, rest[1..]);
        }

        var name = rest[0];
        var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.GetMethod is { IsPublic: true } && string.Equals(KeyName(p), name, StringComparison.OrdinalIgnoreCase));

        // The binder sets scalars through a public setter only; objects and collections it fills in place.
        return property is not null
            && (property.SetMethod is { IsPublic: true } || !IsScalar(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType))
            && Reads(property.PropertyType, rest[1..]);
    }

    private static string KeyName(PropertyInfo property) => property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(object) || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    private static Type? ValueType(Type type, Type dictionary) =>
        Implemented(type, dictionary) is { } found && (found.GenericTypeArguments[0] == typeof(string) || found.GenericTypeArguments[0].IsEnum)
            ? found.GenericTypeArguments[1]
            : null;

    private static Type? ElementType(Type type) => type.IsArray ? type.GetElementType() : Implemented(type, typeof(IEnumerable<>))?.GenericTypeArguments[0];

    private static Type? Implemented(Type type, Type generic) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == generic
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic);
}
