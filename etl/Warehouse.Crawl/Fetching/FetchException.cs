namespace Warehouse.Crawl.Fetching;

/// <summary>
/// A decision the fetching layer made below <see cref="Fetcher"/> (a refused address, a body over the limit,
/// an undecodable body): it is never retried, and <see cref="Fetcher"/> turns it into a result with its status and reason.
/// </summary>
internal sealed class FetchException(FetchStatus status, string reason, FetchBlock? blocked = null) : Exception(reason)
{
    public FetchStatus Status { get; } = status;

    /// <summary>The wall the host put up, when that is what ended the fetch (a certificate that cannot be trusted).</summary>
    public FetchBlock? Blocked { get; } = blocked;

    public string Reason { get; } = reason;

    /// <summary>The FetchException behind an exception: SocketsHttpHandler wraps what its ConnectCallback throws in an HttpRequestException.</summary>
    public static FetchException? Find(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is FetchException found) return found;
        }

        return null;
    }
}
