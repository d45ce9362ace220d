using System.Net;
using Warehouse.Parsing.Text;

namespace Warehouse.Crawl.Fetching;

/// <summary>One call of <see cref="Fetcher.FetchAsync"/>: the clock, the attempts across redirect hops, and the result it ends in.</summary>
internal sealed class FetchRun(Uri url, TimeProvider time)
{
    private readonly long started = time.GetTimestamp();
    private readonly DateTimeOffset fetchedAt = time.GetUtcNow();

    public int Attempts { get; set; }

    public int Redirects { get; set; }

    public FetchResult End(Uri finalUrl, FetchStatus status, string? reason, HttpResponseMessage? response = null,
        byte[]? bytes = null, Validators? validators = null, FetchBlock? blocked = null)
    {
        var contentType = response is null ? null : RawContentType(response);
        return new FetchResult
        {
            Url = url,
            FinalUrl = finalUrl,
            Status = status,
            StatusCode = response?.StatusCode,
            ContentType = contentType is null ? null : MediaType(contentType),
            Charset = TextDecoding.CharsetOf(contentType),
            Bytes = bytes ?? [],
            Validators = validators ?? (response is null ? null : Validators.Of(response)),
            Attempts = Attempts,
            Reason = reason,
            Blocked = blocked,
            FetchedAt = fetchedAt,
            Elapsed = time.GetElapsedTime(started),
        };
    }

    /// <summary>The result of the answer that ended the redirect chain: a body, a 304, or an error status.</summary>
    public async Task<FetchResult> CompleteAsync(Uri finalUrl, HttpResponseMessage response, RequestState state, Validators? previous, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return End(finalUrl, FetchStatus.NotModified, "304 Not Modified: the copy from the previous fetch is current", response,
                validators: Validators.Of(response) ?? previous);
        }

        // BodyHandler has already read and checked the body (of a 2xx, or of a status a challenge comes with); this copies it out of memory.
        var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        var contentType = RawContentType(response);
        if (ChallengePage.Is(response.StatusCode, contentType is null ? null : MediaType(contentType), TextDecoding.CharsetOf(contentType), body))
        {
            return End(finalUrl, FetchStatus.Failed, ChallengePage.Describe(response), response, blocked: FetchBlock.BotProtection);
        }

        if (response.IsSuccessStatusCode) return End(finalUrl, FetchStatus.Ok, null, response, body);

        var status = Describe.Status(response);
        var reason = state.RetryAfterBeyondBudget is { } asked
            ? $"{status} after {Describe.Attempts(state.Attempts)}; the server asked to wait {Describe.Duration(asked)}, longer than the total timeout of {Describe.Duration(state.Policy.TotalTimeout)} leaves"
            : FetchPipeline.IsRetriedStatus(response.StatusCode) ? $"{status} after {Describe.Attempts(state.Attempts)}" : status;
        return End(finalUrl, FetchStatus.Failed, reason, response);
    }

    private static string? RawContentType(HttpResponseMessage response) =>
        // Raw, because portals send Content-Types the typed header rejects ("text/html;charset=gb2312;").
        response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var values) ? values.ToString() : null;

    private static string? MediaType(string contentType)
    {
        var media = contentType.Split(';', 2)[0].Trim().ToLowerInvariant();
        return media.Length == 0 ? null : media;
    }
}
