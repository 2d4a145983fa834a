using System.Text;

namespace MoniKit.Logging.Implementation;

/// <summary>Writes a UTC timestamp as ISO 8601 with microseconds, without allocating.</summary>
internal static class IsoTimestamp
{
    public static void Append(StringBuilder target, DateTime timestamp)
    {
        var utc = timestamp.Kind == DateTimeKind.Utc ? timestamp : timestamp.ToUniversalTime();
        Span<char> text = stackalloc char[27];
        Write(text, 0, utc.Year, 4);
        text[4] = '-';
        Write(text, 5, utc.Month, 2);
        text[7] = '-';
        Write(text, 8, utc.Day, 2);
        text[10] = 'T';
        Write(text, 11, utc.Hour, 2);
        text[13] = ':';
        Write(text, 14, utc.Minute, 2);
        text[16] = ':';
        Write(text, 17, utc.Second, 2);
        text[19] = '.';
        Write(text, 20, (int)(utc.Ticks % TimeSpan.TicksPerSecond / 10), 6);
        text[26] = 'Z';
        target.Append(text);

        static void Write(Span<char> text, int start, int value, int digits)
        {
            for (var i = start + digits - 1; i >= start; i--)
            {
                text[i] = (char)('0' + (value % 10));
                value /= 10;
            }
        }
    }
}
