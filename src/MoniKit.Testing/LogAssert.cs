using System.Text;

namespace MoniKit.Testing;

/// <summary>MSTest assertions that log lines conform to the current MoniKit log schema (<see cref="LogSchema"/>).</summary>
public static class LogAssert
{
    /// <summary>Fails unless <paramref name="jsonLine"/> conforms.</summary>
    /// <param name="jsonLine">One log line.</param>
    public static void Conforms(string jsonLine) => Conforms([jsonLine], "line");

    /// <summary>Fails unless there is at least one line and every line conforms; the message lists each bad line.</summary>
    /// <param name="jsonLines">The lines.</param>
    public static void Conforms(IEnumerable<string> jsonLines) => Conforms(jsonLines, "line");

    /// <summary>Fails unless every line captured so far conforms, and at least one was captured.</summary>
    /// <param name="capture">The capture.</param>
    public static void Conforms(LogCapture capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        Conforms(capture.Lines, "captured line");
    }

    /// <summary>Fails unless the file exists, is not empty, ends with a line break and every line conforms.</summary>
    /// <param name="path">A MoniKit log file.</param>
    public static void FileConforms(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Assert.IsTrue(File.Exists(path), $"The log file {path} does not exist.");
        var text = File.ReadAllText(path, Encoding.UTF8);
        Assert.IsTrue(text.EndsWith('\n'), $"The log file {path} is empty or its last line is incomplete.");
        Conforms(text[..^1].Split('\n'), path + " line");
    }

    private static void Conforms(IEnumerable<string> jsonLines, string what)
    {
        ArgumentNullException.ThrowIfNull(jsonLines);
        var report = new StringBuilder();
        var number = 0;
        foreach (var line in jsonLines)
        {
            number++;
            var errors = LogSchema.Validate(line);
            if (errors.Count > 0)
            {
                report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{what} {number}: {string.Join("; ", errors)}").AppendLine("  " + line);
            }
        }

        Assert.IsGreaterThan(0, number, $"There is no {what} to check.");
        Assert.AreEqual(0, report.Length, $"Log lines do not conform to MoniKit log schema v{LogFields.CurrentSchemaVersion}:" + Environment.NewLine + report);
    }
}
