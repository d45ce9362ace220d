using System.Globalization;

namespace Warehouse.SamplePortal.Hosting;

/// <summary>Whether a GET may be answered 304 (RFC 9110, 13.1.2 and 13.1.3).</summary>
internal static class ConditionalGet
{
    public static bool NotModified(string? ifNoneMatch, string? ifModifiedSince, string etag, DateTimeOffset lastModified)
    {
        // If-None-Match wins: a client that sends both trusts the tag over the clock.
        if (!string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            return ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Any(tag => tag == "*" || WithoutWeakPrefix(tag) == etag);
        }

        return DateTimeOffset.TryParseExact(ifModifiedSince, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && lastModified <= since;
    }

    // If-None-Match compares weakly: W/"x" matches "x".
    private static string WithoutWeakPrefix(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
