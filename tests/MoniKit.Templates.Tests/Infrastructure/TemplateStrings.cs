using System.Text.Json;

namespace MoniKit.Templates.Tests.Infrastructure;

/// <summary>A template's localized strings as committed (.template.config/localize/templatestrings.&lt;culture&gt;.json).</summary>
public static class TemplateStrings
{
    public static IReadOnlyDictionary<string, string> Read(string template, string culture) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(
            File.ReadAllText(Repository.Path("templates", template, ".template.config", "localize", $"templatestrings.{culture}.json")))!;

    /// <summary>The names of the template's parameter symbols, its options, from its template.json.</summary>
    public static IReadOnlySet<string> Options(string template)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Repository.Path("templates", template, ".template.config", "template.json")));
        return json.RootElement.GetProperty("symbols").EnumerateObject()
            .Where(s => s.Value.TryGetProperty("type", out var type) && type.GetString() == "parameter")
            .Select(s => s.Name)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Runs <c>dotnet new</c> against the isolated hive, with the CLI's UI language set.</summary>
    public static Task<ProcessResult> DotnetNewInLanguageAsync(string culture, string workingDirectory, params string[] arguments) =>
        DotnetNewInLanguageAsync(culture, workingDirectory, new Dictionary<string, string?>(), arguments);

    /// <summary>Runs <c>dotnet new</c> against the isolated hive, with the CLI's UI language and more variables set.</summary>
    public static Task<ProcessResult> DotnetNewInLanguageAsync(
        string culture, string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        ProcessRunner.RunAsync(
            "dotnet",
            ["new", .. arguments, "--debug:custom-hive", TemplatePack.Hive],
            workingDirectory,
            new Dictionary<string, string?>(environment) { ["DOTNET_CLI_UI_LANGUAGE"] = culture });
}
