using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace MoniKit.AspNetCore.Implementation;

/// <summary>Tells how a body (or a part of a multipart body) is captured from its media type, and describes the rest.</summary>
internal static class BodyKinds
{
    public static BodyKind Of(MediaTypeHeaderValue? media)
    {
        if (media is null)
        {
            return BodyKind.Other;
        }

        if (media.MatchesMediaType("application/json") || media.MatchesMediaType("text/json")
            || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Json;
        }

        if (media.MatchesMediaType("application/x-www-form-urlencoded"))
        {
            return BodyKind.Form;
        }

        return media.MatchesMediaType("multipart/form-data") && !StringSegment.IsNullOrEmpty(HeaderUtilities.RemoveQuotes(media.Boundary))
            ? BodyKind.Multipart
            : BodyKind.Other;
    }

    /// <summary>
    /// A note instead of the content: the media type alone, never its parameters or an unparsable header, which a
    /// client could fill with anything.
    /// </summary>
    public static string Describe(MediaTypeHeaderValue? media, string? contentType, long? length, string what = "")
    {
        var type = media is not null ? media.MediaType.ToString().ToLowerInvariant()
            : string.IsNullOrEmpty(contentType) ? "no content type"
            : "unreadable content type";
        var size = length is { } bytes ? bytes.ToString(CultureInfo.InvariantCulture) + " bytes" : "length unknown";
        return $"({what}{type}, {size}, not captured)";
    }
}
