using System.Diagnostics;

namespace MoniKit;

/// <summary>Reads and parses W3C trace context from <see cref="Activity"/> and from headers.</summary>
public static class TraceContext
{
    /// <summary>The W3C trace id of the current activity, or <see langword="null"/> outside any activity.</summary>
    public static string? CurrentTraceId
    {
        get
        {
            var activity = Activity.Current;
            return activity is { IdFormat: ActivityIdFormat.W3C } ? activity.TraceId.ToHexString() : null;
        }
    }

    /// <summary>The W3C span id of the current activity, or <see langword="null"/> outside any activity.</summary>
    public static string? CurrentSpanId
    {
        get
        {
            var activity = Activity.Current;
            return activity is { IdFormat: ActivityIdFormat.W3C } ? activity.SpanId.ToHexString() : null;
        }
    }

    /// <summary>
    /// Parses a trace id given in a header such as <c>X-Trace-Id</c>: 32 hex digits, not all zero.
    /// Dashes (a GUID) are accepted and removed.
    /// </summary>
    internal static bool TryParseTraceId(ReadOnlySpan<char> value, out ActivityTraceId traceId)
    {
        traceId = default;
        value = value.Trim();
        Span<char> hex = stackalloc char[32];
        var length = 0;
        foreach (var c in value)
        {
            if (c == '-')
            {
                continue;
            }

            if (length == 32 || !char.IsAsciiHexDigit(c))
            {
                return false;
            }

            hex[length++] = char.ToLowerInvariant(c);
        }

        if (length != 32 || hex.IndexOfAnyExcept('0') < 0)
        {
            return false;
        }

        traceId = ActivityTraceId.CreateFromString(hex);
        return true;
    }
}
