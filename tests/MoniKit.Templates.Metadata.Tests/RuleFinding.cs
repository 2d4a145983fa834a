namespace MoniKit.Templates.Metadata.Tests;

/// <summary>One rule a template.json breaks: the rule's code, as the template engine reports it, and what is wrong.</summary>
internal sealed record RuleFinding(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
