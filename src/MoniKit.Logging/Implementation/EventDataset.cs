using System.Text;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// <c>event.dataset</c> as ecs-logging defines its default: the service name, lower case, with the characters a data
/// stream name cannot hold (<c>\ / * ? " &lt; &gt; | , # : -</c> and space) written as <c>_</c>, at most 100 characters.
/// </summary>
internal static class EventDataset
{
    private const int MaxLength = 100;
    private const string Replaced = "\\/*?\"<>| ,#:-";

    public static string Of(string serviceName)
    {
        var text = new StringBuilder(Math.Min(serviceName.Length, MaxLength));
        foreach (var c in serviceName.AsSpan(0, Math.Min(serviceName.Length, MaxLength)))
        {
            text.Append(Replaced.Contains(c, StringComparison.Ordinal) ? '_' : char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
