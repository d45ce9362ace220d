using Warehouse.Parsing.Text;

namespace Warehouse.Crawl.Fetching;

/// <summary>Text of fetched pages.</summary>
public static class Html
{
    /// <summary>
    /// The page's text, decoded as <see cref="TextDecoding"/> decides: a byte-order mark or valid UTF-8 first (portals
    /// declare gb2312 over UTF-8 pages), then the Content-Type charset, then a meta charset, then detection.
    /// </summary>
    /// <exception cref="InvalidOperationException">The fetch was not Ok, so there is no body to decode.</exception>
    public static string Decode(FetchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Status != FetchStatus.Ok)
        {
            throw new InvalidOperationException($"The fetch of {result.Url} ended {result.Status} ({result.Reason}); there is no body to decode.");
        }

        return TextDecoding.Decode(result.Bytes, result.Charset, lookForMeta: true);
    }
}
