namespace Warehouse.SamplePortal;

/// <summary>What a URL does wrong, as <see cref="FaultPlan"/> decides and <see cref="RequestLog"/> records.</summary>
public enum FaultKind
{
    None,

    /// <summary>The first <see cref="FaultOptions.BurstLength"/> requests answer 500, 503, 500, … then the page.</summary>
    ServerError,

    /// <summary>The first request answers 429 with Retry-After.</summary>
    TooManyRequests,

    /// <summary>The first request is answered after <see cref="FaultOptions.SlowDelay"/>.</summary>
    Slow,

    /// <summary>The first request gets no response: the connection is dropped before the status line.</summary>
    Reset,

    /// <summary>The first request gets the full Content-Length declared, half the body, then the connection closed.</summary>
    Truncate,

    /// <summary>An attachment is always served as application/octet-stream or text/html; the client must sniff.</summary>
    WrongContentType,

    /// <summary>A listed article answers 404, always.</summary>
    NotFound,

    /// <summary>/redirect/loop and /redirect/loop-back redirect to each other, always.</summary>
    RedirectLoop,

    /// <summary>
    /// The first request answers 521 with only a script that sets a cookie and reloads, as 加速乐 (jsl) and other
    /// bot protection do; the next request gets the page. A crawler that runs no script must try again on a later run.
    /// </summary>
    Challenge,

    /// <summary>A /go link redirects to another host (198.51.100.7, a documentation address): the crawler must refuse it.</summary>
    OffHostRedirect,
}
