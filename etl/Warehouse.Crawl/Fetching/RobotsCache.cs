using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Warehouse.Crawl.Fetching;

/// <summary>
/// robots.txt per origin (scheme, host and port, as RFC 9309 scopes it), fetched once however many callers
/// ask at the same moment, through the same gate and pipeline as pages, and kept for a while.
/// </summary>
/// <remarks>
/// What the answer means: 2xx, the rules it holds; 4xx (401 and 403 too) or a redirect chain that leads
/// nowhere allowed, no rules; 429, 5xx, or no answer at all, every path disallowed "for now", i.e. until
/// <see cref="FetcherOptions.RobotsFailureLifetime"/> has passed. That last is Google's rule: a server that
/// cannot serve its robots.txt may be one that is struggling, or one whose rules we cannot see.
/// </remarks>
internal sealed class RobotsCache(
    Func<Uri, FetchPolicy, CancellationToken, Task<FetchResult>> download,
    FetcherOptions options,
    TimeProvider time,
    CancellationToken lifetime)
{
    /// <summary>Google reads the first 500 KiB of a robots.txt and ignores the rest.</summary>
    public const int MaxBytes = 500 * 1024;

    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsRules>>> entries = new(StringComparer.OrdinalIgnoreCase);

    public async Task<RobotsRules> GetAsync(Uri url, FetchPolicy policy, CancellationToken ct)
    {
        // A source that may reach private addresses can read a robots.txt a public one cannot: they do not share it.
        var key = url.GetLeftPart(UriPartial.Authority) + (policy.AllowPrivateAddresses ? " any-address" : " public");
        while (true)
        {
            var entry = entries.GetOrAdd(key, _ => new Lazy<Task<RobotsRules>>(() => LoadAsync(url, policy)));
            RobotsRules rules;
            try
            {
                rules = await entry.Value.WaitAsync(ct).ConfigureAwait(false);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // Only the fetcher's disposal ends a load with an exception; the next caller may try again.
                entries.TryRemove(KeyValuePair.Create(key, entry));
                throw;
            }

            if (rules.Expires > time.GetUtcNow()) return rules;
            entries.TryRemove(KeyValuePair.Create(key, entry));
        }
    }

    private async Task<RobotsRules> LoadAsync(Uri url, FetchPolicy policy)
    {
        var robotsUrl = new Uri(url, "/robots.txt");
        // Not the caller's token: other callers wait for the same load.
        var result = await download(robotsUrl, policy, lifetime).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return result switch
        {
            // A 2xx page of script where robots.txt should be is as often a portal's soft 404 (a script sending
            // visitors home) as a challenge: no rules; a real challenge stops the pages, which then say so.
            { Blocked: FetchBlock.BotProtection, StatusCode: >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices } =>
                new(robotsUrl, RobotsTxt.AllowAll, null, now + options.RobotsFailureLifetime),
            // The wall stands before every page too; the pages say so rather than "robots.txt could not be read".
            { Blocked: { } blocked } => new(robotsUrl, RobotsTxt.DisallowAll, result.Reason, now + options.RobotsFailureLifetime) { Blocked = blocked },
            { Status: FetchStatus.Ok } => new(robotsUrl, RobotsTxt.Parse(Encoding.UTF8.GetString(result.Bytes)), null, now + options.RobotsLifetime),
            { Status: FetchStatus.Failed, StatusCode: null or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError } =>
                new(robotsUrl, RobotsTxt.DisallowAll,
                    $"robots.txt at {robotsUrl} could not be read ({result.Reason}), so the whole host is disallowed for now (as Google does when robots.txt answers 5xx)",
                    now + options.RobotsFailureLifetime),
            // A refusal (e.g. a redirect off the allowed hosts) may not last: asked again soon.
            { Status: FetchStatus.Refused } => new(robotsUrl, RobotsTxt.AllowAll, null, now + options.RobotsFailureLifetime),
            _ => new(robotsUrl, RobotsTxt.AllowAll, null, now + options.RobotsLifetime),
        };
    }
}

/// <summary>The robots.txt of one origin as read, and until when it is trusted.</summary>
/// <param name="Unreadable">Why every path is disallowed, when robots.txt could not be read; null when it was read or missing.</param>
internal sealed record RobotsRules(Uri RobotsUrl, RobotsTxt Rules, string? Unreadable, DateTimeOffset Expires)
{
    /// <summary>The wall that kept robots.txt unread (bot protection, a certificate); the host's pages fail with the same reason, for now.</summary>
    public FetchBlock? Blocked { get; init; }

    /// <summary>Why the URL may not be fetched, or null when it may.</summary>
    public string? Disallows(Uri url, string productToken) =>
        Rules.IsAllowed(url, productToken) ? null : Unreadable ?? $"robots.txt at {RobotsUrl} disallows {url.PathAndQuery} for {productToken}";
}
