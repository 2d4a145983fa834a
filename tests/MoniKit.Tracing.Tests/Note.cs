namespace MoniKit.Tracing.Tests;

/// <summary>A row of <see cref="NotesContext"/>.</summary>
public sealed class Note
{
    public int Id { get; set; }

    public required string Text { get; set; }
}
