using System.Net;

namespace Warehouse.Crawl.Fetching;

/// <summary>The outcome of one <see cref="Fetcher.FetchAsync"/>: never an exception for anything the host or the source's rules caused.</summary>
public sealed record FetchResult
{
    /// <summary>The URL asked for.</summary>
    public required Uri Url { get; init; }

    /// <summary>
    /// The URL this result is about: after redirects, the one whose answer this is (Ok, NotModified, Failed),
    /// or the one that was not requested (Disallowed, Refused: e.g. the redirect target that left the allowed hosts).
    /// </summary>
    public required Uri FinalUrl { get; init; }

    public required FetchStatus Status { get; init; }

    /// <summary>The HTTP status of the last answer, or null when none came (refused first, connection failed, timed out).</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The media type of Content-Type, lower case, without parameters (<c>text/html</c>), or null.</summary>
    public string? ContentType { get; init; }

    /// <summary>The charset parameter of Content-Type as the server wrote it (<c>gb2312</c>), or null.</summary>
    public string? Charset { get; init; }

    /// <summary>The body, decompressed; empty unless <see cref="Status"/> is Ok.</summary>
    public byte[] Bytes { get; init; } = [];

    /// <summary>The response's ETag and Last-Modified (for NotModified, the previous ones when the 304 repeats neither).</summary>
    public Validators? Validators { get; init; }

    /// <summary>Requests sent for this fetch: retries and redirect hops included, robots.txt not.</summary>
    public int Attempts { get; init; }

    /// <summary>One sentence saying why, when <see cref="Status"/> is not Ok; null when it is.</summary>
    public string? Reason { get; init; }

    /// <summary>What kind of wall the host put up, when the fetch <see cref="FetchStatus.Failed"/> at one (bot protection, a certificate); null otherwise.</summary>
    public FetchBlock? Blocked { get; init; }

    /// <summary>When the fetch began (the crawler's clock).</summary>
    public DateTimeOffset FetchedAt { get; init; }

    /// <summary>From the call to the result: waits for robots.txt and for the host's turn included.</summary>
    public TimeSpan Elapsed { get; init; }
}
