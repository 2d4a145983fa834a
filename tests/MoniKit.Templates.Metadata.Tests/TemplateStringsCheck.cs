namespace MoniKit.Templates.Metadata.Tests;

/// <summary>
/// Compares a template's localizable strings with its English and Korean localization files: every string has a key in
/// both, no key is stale, the English file says what template.json says, and both files hold the same keys.
/// </summary>
internal static class TemplateStringsCheck
{
    /// <param name="template">The strings of template.json (<see cref="LocalizableStrings.Extract"/>).</param>
    /// <param name="english">templatestrings.en.json.</param>
    /// <param name="korean">templatestrings.ko.json.</param>
    public static IReadOnlyList<string> Problems(
        IReadOnlyDictionary<string, string> template,
        IReadOnlyDictionary<string, string> english,
        IReadOnlyDictionary<string, string> korean)
    {
        List<string> problems = [];

        foreach (var (file, strings) in new[] { ("en", english), ("ko", korean) })
        {
            problems.AddRange(template.Keys.Where(k => !strings.ContainsKey(k)).Select(k => $"templatestrings.{file}.json has no '{k}'"));
            problems.AddRange(strings.Keys.Where(k => !template.ContainsKey(k))
                .Select(k => $"templatestrings.{file}.json has '{k}', which template.json does not have (stale)"));
            problems.AddRange(strings.Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => $"templatestrings.{file}.json: '{s.Key}' is empty"));
        }

        problems.AddRange(english.Keys.Except(korean.Keys).Select(k => $"'{k}' is in English only"));
        problems.AddRange(korean.Keys.Except(english.Keys).Select(k => $"'{k}' is in Korean only"));
        problems.AddRange(template.Where(t => english.TryGetValue(t.Key, out var en) && en != t.Value)
            .Select(t => $"templatestrings.en.json: '{t.Key}' is \"{english[t.Key]}\", template.json says \"{t.Value}\""));
        return problems;
    }
}
