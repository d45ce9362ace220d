using Polly;

namespace Warehouse.Crawl.Fetching;

/// <summary>
/// What the handlers under <see cref="Fetcher"/> need to know about one request (one redirect hop) and
/// what they report back. It rides in <see cref="HttpRequestMessage.Options"/>, which the resilience
/// handler keeps across retries, because the policy differs per source while the handlers are shared.
/// </summary>
internal sealed class RequestState(FetchPolicy policy, TimeSpan delay, long maxBodyBytes, bool truncateBody)
{
    private static readonly HttpRequestOptionsKey<RequestState> Key = new("Warehouse.Crawl.Fetching.RequestState");

    public FetchPolicy Policy { get; } = policy;

    /// <summary>The host's delay for this request: the policy's, raised by robots.txt's Crawl-delay.</summary>
    public TimeSpan Delay { get; } = delay;

    public long MaxBodyBytes { get; } = maxBodyBytes;

    /// <summary>Keep the first <see cref="MaxBodyBytes"/> of a longer body instead of refusing it (robots.txt, as Google does).</summary>
    public bool TruncateBody { get; } = truncateBody;

    /// <summary>The host's turn, held for the whole request, retries included (set by GateHandler).</summary>
    public HostGate.Turn? Turn { get; set; }

    /// <summary>Attempts that reached the wire (or tried to).</summary>
    public int Attempts { get; set; }

    /// <summary>When the host's turn began (a timestamp of the fetcher's TimeProvider): the total timeout's start.</summary>
    public long TurnStarted { get; set; }

    /// <summary>Set when the total timeout, not an attempt's, ended the request.</summary>
    public bool TotalTimedOut { get; set; }

    /// <summary>A Retry-After that was not honoured because it reached past the total timeout; the result says so.</summary>
    public TimeSpan? RetryAfterBeyondBudget { get; set; }

    public void AttachTo(HttpRequestMessage request) => request.Options.Set(Key, this);

    public static RequestState Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var state)
            ? state
            : throw new InvalidOperationException($"The request to {request.RequestUri} carries no RequestState: send requests through Fetcher.FetchAsync.");

    public static RequestState Of(ResilienceContext context) =>
        Of(context.GetRequestMessage() ?? throw new InvalidOperationException("The resilience context carries no request message."));
}
