namespace Warehouse.Crawl.Fetching;

/// <summary>How a fetch ended.</summary>
public enum FetchStatus
{
    /// <summary>A 2xx answer; its body is in <see cref="FetchResult.Bytes"/>.</summary>
    Ok,

    /// <summary>A 304 answer to a conditional request: the copy the caller holds is current. No body.</summary>
    NotModified,

    /// <summary>robots.txt forbids the URL (or could not be read because the host answered 5xx); nothing was requested.</summary>
    Disallowed,

    /// <summary>The source's rules forbid the request: a scheme, host, address, redirect or size that is not allowed.</summary>
    Refused,

    /// <summary>The host did not give a usable answer: an error status, a broken connection, a timeout, a redirect loop.</summary>
    Failed,
}
