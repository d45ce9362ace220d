using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Warehouse.Crawl.Sources;

namespace Warehouse.Crawl.Fetching;

/// <summary>
/// Fetches pages and attachments from portals, politely and safely: one per crawl, shared by all its sources
/// and safe to call from many tasks at once. Different hosts proceed in parallel; requests to one host go one
/// at a time with the source's delay between them (see <see cref="HostGate"/>). See README.md in this folder.
/// </summary>
public sealed class Fetcher : IAsyncDisposable, IDisposable
{
    private const string ClientName = "Warehouse.Crawl.Fetching";

    private readonly ServiceProvider services;
    private readonly HttpClient client;
    private readonly TimeProvider time;
    private readonly RobotsCache robots;
    private readonly CertificateCheck certificates;

    /// <summary>The cookies each host set during this crawl, by host key: a portal that sets a cookie and redirects back needs it.</summary>
    private readonly ConcurrentDictionary<string, CookieContainer> cookies = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource lifetime = new();
    private int disposed;

    private Fetcher(ServiceProvider services, FetcherOptions options, TimeProvider time, CertificateCheck certificates)
    {
        this.services = services;
        this.time = time;
        this.certificates = certificates;
        client = services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
        robots = new RobotsCache((url, policy, ct) => FollowAsync(url, policy, null, Purpose.Robots, ct), options, time, lifetime.Token);
    }

    private enum Purpose
    {
        Page,
        Robots,
    }

    /// <summary>
    /// A fetcher over one HttpClient from IHttpClientFactory: gate → resilience pipeline (one per host) → body reader → sockets.
    /// </summary>
    /// <param name="options">Retry backoff, circuit breaker and robots.txt lifetimes; the defaults when null.</param>
    /// <param name="time">The clock of every delay and timeout; the system's when null.</param>
    /// <param name="logging">Where HttpClient and Polly log requests, retries and circuit changes; nowhere when null.</param>
    public static Fetcher Create(FetcherOptions? options = null, TimeProvider? time = null, ILoggerFactory? logging = null)
    {
        options ??= new FetcherOptions();
        options.Validate();
        time ??= TimeProvider.System;

        var services = new ServiceCollection();
        // Polly takes its clock from the container.
        services.AddSingleton(time);
        if (logging is not null) services.AddSingleton(logging);
        services.AddSingleton(new HostGate(time));
        var certificates = new CertificateCheck();

        // Timeouts are the pipeline's, per attempt and in total; HttpClient's own would cut across them.
        var http = services.AddHttpClient(ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new PrimaryHandler(certificates))
            // The client is created once and lives as long as the fetcher; PrimaryHandler renews connections itself.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(provider => new GateHandler(provider.GetRequiredService<HostGate>(), time));
        http.AddResilienceHandler("fetch", builder => FetchPipeline.Configure(builder, options, time))
            .SelectPipelineBy(_ => request => SourceReader.HostKey(request.RequestUri!));
        http.AddHttpMessageHandler(() => new BodyHandler());

        return new Fetcher(services.BuildServiceProvider(), options, time, certificates);
    }

    /// <summary>
    /// Fetches a URL: checks it against the policy and robots.txt, waits for the host's turn, retries what a retry may
    /// cure, follows redirects within the allowed hosts, and reads the body within the limits.
    /// </summary>
    /// <param name="url">An absolute http or https URL.</param>
    /// <param name="policy">The source's rules.</param>
    /// <param name="previous">The validators of the last fetch of this URL, to make the request conditional; null for none.</param>
    /// <returns>A result for everything the host or the source's rules cause; an exception only for a bad argument or cancellation.</returns>
    /// <exception cref="ArgumentException">The URL is relative, or the policy has mistakes (all named).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public Task<FetchResult> FetchAsync(Uri url, FetchPolicy policy, Validators? previous, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(policy);
        if (!url.IsAbsoluteUri) throw new ArgumentException($"'{url}' is not an absolute URL.", nameof(url));
        policy.Validate();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (policy.PinnedCertificate is { } pin) certificates.Pin(pin);
        return FollowAsync(url, policy, previous, Purpose.Page, ct);
    }

    private async Task<FetchResult> FollowAsync(Uri url, FetchPolicy policy, Validators? previous, Purpose purpose, CancellationToken ct)
    {
        var run = new FetchRun(url, time);
        // A hop is a loop when its URL was asked for before with the same cookies: a portal may set a cookie and redirect back.
        var visited = new HashSet<string>(StringComparer.Ordinal) { HopKey(url) };
        var current = url;
        Uri? redirectedFrom = null;

        while (true)
        {
            if (Refusal(current, policy, redirectedFrom) is { } refusal) return run.End(current, FetchStatus.Refused, refusal);

            var delay = policy.MinDelay;
            if (purpose == Purpose.Page)
            {
                var rules = await robots.GetAsync(current, policy, ct).ConfigureAwait(false);
                if (rules.Blocked is { } blocked) return run.End(current, FetchStatus.Failed, rules.Unreadable, blocked: blocked);
                if (rules.Disallows(current, policy.ProductToken) is { } why) return run.End(current, FetchStatus.Disallowed, why);
                if (rules.Rules.CrawlDelay(policy.ProductToken) is { } crawlDelay && crawlDelay > delay) delay = crawlDelay;
            }

            var state = purpose == Purpose.Robots
                ? new RequestState(policy, delay, RobotsCache.MaxBytes, truncateBody: true)
                : new RequestState(policy, delay, policy.MaxBodyBytes, truncateBody: false);
            HttpResponseMessage response;
            try
            {
                response = await SendAsync(current, previous, state, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && Failure(e, state, current) is { } failure)
            {
                run.Attempts += state.Attempts;
                return run.End(current, failure.Status, failure.Reason, blocked: failure.Blocked);
            }

            run.Attempts += state.Attempts;
            using (response)
            {
                KeepCookies(current, response);
                if (!IsRedirect(response.StatusCode)) return await run.CompleteAsync(current, response, state, previous, ct).ConfigureAwait(false);

                if (response.Headers.Location is not { } location)
                {
                    return run.End(current, FetchStatus.Failed, $"{Describe.Status(response)} without a Location header", response);
                }

                var next = new Uri(current, location);
                if (!visited.Add(HopKey(next))) return run.End(next, FetchStatus.Failed, $"redirect loop at {next}", response);
                if (run.Redirects == policy.MaxRedirects)
                {
                    return run.End(next, FetchStatus.Refused, $"more than {policy.MaxRedirects} redirects: {current} redirects again, to {next}", response);
                }

                run.Redirects++;
                redirectedFrom = current;
                current = next;
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, Validators? previous, RequestState state, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", state.Policy.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/pdf,*/*;q=0.8");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        previous?.AddTo(request);
        if (CookieHeader(url) is { Length: > 0 } cookie) request.Headers.TryAddWithoutValidation("Cookie", cookie);
        state.AttachTo(request);
        // The body is already read (BodyHandler), so nothing is gained by HttpClient buffering it again.
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
    }

    /// <summary>Why the source's rules forbid requesting the URL, or null when they allow it.</summary>
    private static string? Refusal(Uri url, FetchPolicy policy, Uri? redirectedFrom)
    {
        var why = url.Scheme is not ("http" or "https") ? $"only http and https URLs are fetched, not {url.Scheme}:"
            : !policy.AllowsHost(url) ? $"host {SourceReader.HostKey(url)} is not allowed by the source"
            : null;
        return why is null || redirectedFrom is null ? why : $"{redirectedFrom} redirects to {url}, but {why}";
    }

    private string? CookieHeader(Uri url) =>
        cookies.TryGetValue(SourceReader.HostKey(url), out var jar) ? jar.GetCookieHeader(url) : null;

    /// <summary>Keeps what the answer's Set-Cookie headers set, in its host's jar; a malformed cookie is ignored, as browsers do.</summary>
    private void KeepCookies(Uri url, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        var jar = cookies.GetOrAdd(SourceReader.HostKey(url), _ => new CookieContainer());
        foreach (var value in values)
        {
            try
            {
                jar.SetCookies(url, value);
            }
            catch (CookieException)
            {
                // A portal's broken cookie is not the crawl's problem.
            }
        }
    }

    /// <summary>What makes a redirect hop the same as an earlier one: its URL and the cookies it is asked for with.</summary>
    private string HopKey(Uri url) => WithoutFragment(url) + " " + CookieHeader(url);

    /// <summary>The status, reason and wall an exception from the handlers ends the fetch with, or null for one that is a bug.</summary>
    private static (FetchStatus Status, string Reason, FetchBlock? Blocked)? Failure(Exception e, RequestState state, Uri url)
    {
        if (FetchException.Find(e) is { } decided) return (decided.Status, decided.Reason, decided.Blocked);
        var host = SourceReader.HostKey(url);
        var tries = Describe.Attempts(state.Attempts);
        return e switch
        {
            BrokenCircuitException broken => (FetchStatus.Failed,
                $"requests to {host} are paused after repeated failures (its circuit breaker is open{(broken.RetryAfter is { } left ? $" for {Describe.Duration(left)} more" : "")})", null),
            TimeoutRejectedException when state.TotalTimedOut => (FetchStatus.Failed,
                $"no answer from {host} within the total timeout of {Describe.Duration(state.Policy.TotalTimeout)} ({tries})", null),
            TimeoutRejectedException => (FetchStatus.Failed,
                $"timed out after {tries} of {Describe.Duration(state.Policy.AttemptTimeout)} each", null),
            HttpRequestException http => (FetchStatus.Failed, $"no answer from {host} ({Messages(http)}) after {tries}", null),
            IOException io => (FetchStatus.Failed, $"the answer from {host} broke off ({Messages(io)}) after {tries}", null),
            _ => null,
        };
    }

    private static string Messages(Exception e)
    {
        var innermost = e;
        while (innermost.InnerException is not null) innermost = innermost.InnerException;
        return innermost == e ? e.Message.TrimEnd('.') : $"{e.Message.TrimEnd('.')}: {innermost.Message.TrimEnd('.')}";
    }

    private static bool IsRedirect(HttpStatusCode code) => (int)code is 301 or 302 or 303 or 307 or 308;

    private static string WithoutFragment(Uri url) => url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        await lifetime.CancelAsync().ConfigureAwait(false);
        client.Dispose();
        await services.DisposeAsync().ConfigureAwait(false);
        lifetime.Dispose();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        lifetime.Cancel();
        client.Dispose();
        services.Dispose();
        lifetime.Dispose();
    }
}
