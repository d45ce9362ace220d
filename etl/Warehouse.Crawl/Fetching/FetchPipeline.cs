using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Warehouse.Crawl.Fetching;

/// <summary>
/// The resilience pipeline of one host (the fetcher keeps one per host, so each has its own circuit breaker):
/// total timeout → retry → circuit breaker → attempt timeout. The pipeline is built once per host but the
/// policy differs per source, so retry count, timeouts and delays are read from the request's
/// <see cref="RequestState"/> on every call.
/// </summary>
internal static class FetchPipeline
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, FetcherOptions options, TimeProvider time)
    {
        builder
            .AddTimeout(new TimeoutStrategyOptions
            {
                Name = "total",
                TimeoutGenerator = args => ValueTask.FromResult(RequestState.Of(args.Context).Policy.TotalTimeout),
                OnTimeout = args =>
                {
                    RequestState.Of(args.Context).TotalTimedOut = true;
                    return ValueTask.CompletedTask;
                },
            })
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "retry",
                // The policy's MaxRetries stops the retries earlier; this is only the ceiling.
                MaxRetryAttempts = FetchPolicy.MaxRetriesCeiling,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args, time)),
                // Every wait comes from here (Polly's own backoff knows neither the host's delay nor Retry-After).
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryDelay(args, options, time)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                Name = "host-breaker",
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                Name = "attempt",
                TimeoutGenerator = args => ValueTask.FromResult(RequestState.Of(args.Context).Policy.AttemptTimeout),
            });
    }

    /// <summary>The statuses that say "try again later": timeout, too many requests, and the server and gateway errors that pass.</summary>
    public static bool IsRetriedStatus(HttpStatusCode code) => (int)code is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>What a retry may cure: a retried status, a connection that failed or broke off, an attempt that timed out.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? IsRetriedStatus(response.StatusCode) : outcome.Exception is { } e && IsTransient(e);

    public static bool IsTransient(Exception e) => FetchException.Find(e) is null && e switch
    {
        // A certificate the portal gets wrong stays wrong.
        HttpRequestException http => http.HttpRequestError != HttpRequestError.SecureConnectionError,
        // A body cut off by a reset or a close before Content-Length.
        IOException => true,
        TimeoutRejectedException => true,
        _ => false,
    };

    private static bool ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args, TimeProvider time)
    {
        if (!IsTransient(args.Outcome)) return false;
        var state = RequestState.Of(args.Context);
        if (args.AttemptNumber >= state.Policy.MaxRetries) return false;

        // Waiting less than the server asked would be rude; waiting past the total timeout, pointless.
        if (args.Outcome.Result is { } response && RetryAfter.Of(response, time) is { } wait)
        {
            var left = state.Policy.TotalTimeout - time.GetElapsedTime(state.TurnStarted);
            if (wait > left)
            {
                state.RetryAfterBeyondBudget = wait;
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Exponential backoff with jitter, never less than the host's delay (the host's turn is held across retries,
    /// so this is what keeps the delay between attempts) nor than the server's Retry-After.
    /// </summary>
    private static TimeSpan RetryDelay(RetryDelayGeneratorArguments<HttpResponseMessage> args, FetcherOptions options, TimeProvider time)
    {
        var state = RequestState.Of(args.Context);
        var wait = Max(Backoff(args.AttemptNumber, options), state.Delay);
        if (args.Outcome.Result is { } response && RetryAfter.Of(response, time) is { } asked)
        {
            wait = Max(wait, asked);
            // Polly's timer may end the wait a hair early; the turn makes sure the retry does not start before asked.
            state.Turn?.DeferNextRequest(asked);
        }

        return wait;
    }

    /// <summary>Base × 2^attempt, capped, then drawn from its upper half so that hosts retried together drift apart.</summary>
    private static TimeSpan Backoff(int attempt, FetcherOptions options)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
