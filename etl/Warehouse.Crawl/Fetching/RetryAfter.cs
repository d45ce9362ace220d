namespace Warehouse.Crawl.Fetching;

/// <summary>How long a 429 or 503 asks the client to wait.</summary>
internal static class RetryAfter
{
    /// <summary>
    /// The wait the Retry-After header asks for, or null without one. A date is measured from the response's
    /// own Date header when it has one: both are the server's clock, so a crawler whose clock runs ahead of the
    /// portal's still waits as long as asked.
    /// </summary>
    public static TimeSpan? Of(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } until)
        {
            var wait = until - (response.Headers.Date ?? time.GetUtcNow());
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
