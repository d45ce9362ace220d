namespace Warehouse.Crawl.Crawling;

/// <summary>URLs as the frontier keeps them, so that one page reached by two spellings is fetched once.</summary>
public static class Urls
{
    /// <summary>
    /// Lower-case scheme and host, no default port, no fragment, dot segments resolved, spaces and
    /// non-ASCII percent-encoded; the query is kept as written (portals route by it).
    /// Null for what is not an http(s) URL (javascript:, mailto:, a bare #).
    /// </summary>
    public static Uri? Normalise(Uri? baseUri, string? href)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        var text = href.Trim();
        if (text.StartsWith('#')) return null;
        Uri? uri;
        if (baseUri is null) Uri.TryCreate(text, UriKind.Absolute, out uri);
        else Uri.TryCreate(baseUri, text, out uri);
        if (uri is null || uri.Scheme is not ("http" or "https")) return null;

        var builder = new UriBuilder(uri) { Fragment = "", Scheme = uri.Scheme.ToLowerInvariant(), Host = uri.Host.ToLowerInvariant() };
        if (uri.IsDefaultPort) builder.Port = -1;
        return new Uri(builder.Uri.AbsoluteUri);
    }
}
