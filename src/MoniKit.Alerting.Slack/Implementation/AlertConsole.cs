namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>Standard error, where the local alerts and the exit account are written; a test puts its own writer here.</summary>
internal sealed class AlertConsole(TextWriter writer)
{
    public TextWriter Writer { get; } = writer;

    /// <summary>Writes one line, its control characters escaped, so no text can forge or break a line.</summary>
    public void WriteLine(string line)
    {
        try
        {
            Writer.WriteLine(SafeText.EscapeControlCharacters(line));
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // A closed standard error must not stop the alerts; the file still has them.
        }
    }
}
