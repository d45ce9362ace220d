namespace Warehouse.Crawl.Fetching;

/// <summary>
/// What a response said about its version, sent back on the next fetch of the URL
/// (If-None-Match, If-Modified-Since) so that an unchanged document costs a 304 and no body.
/// </summary>
/// <param name="ETag">The ETag header exactly as the server wrote it, quotes and W/ included.</param>
/// <param name="LastModified">The Last-Modified header.</param>
public sealed record Validators(string? ETag, DateTimeOffset? LastModified)
{
    /// <summary>The validators of a response, or null when it has neither header.</summary>
    internal static Validators? Of(HttpResponseMessage response)
    {
        // The raw header, not response.Headers.ETag: portals write unquoted ETags, which the typed
        // header rejects, and the server compares what it gets back with what it sent.
        var etag = response.Headers.NonValidated.TryGetValues("ETag", out var values) ? values.FirstOrDefault()?.Trim() : null;
        var lastModified = response.Content.Headers.LastModified;
        return string.IsNullOrEmpty(etag) && lastModified is null ? null : new Validators(string.IsNullOrEmpty(etag) ? null : etag, lastModified);
    }

    internal void AddTo(HttpRequestMessage request)
    {
        if (ETag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ETag);
        if (LastModified is { } date) request.Headers.IfModifiedSince = date;
    }
}
