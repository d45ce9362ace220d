using System.Collections.Frozen;
using Warehouse.Crawl.Sources;

namespace Warehouse.Crawl.Fetching;

/// <summary>
/// The rules one source's fetches follow, from its configuration. A policy is passed with every
/// <see cref="Fetcher.FetchAsync"/>, so one <see cref="Fetcher"/> serves every source of a crawl.
/// </summary>
public sealed record FetchPolicy
{
    /// <summary>The most retries a policy may ask for: every retry of a failing page is one more request the portal must answer.</summary>
    public const int MaxRetriesCeiling = 10;

    private readonly FrozenSet<string> allowedHosts = FrozenSet<string>.Empty;

    /// <summary>The project's User-Agent, e.g. <c>WarehouseBot/1.0 (+https://example.org/warehouse-bot)</c>; its product token (<c>WarehouseBot</c>) picks the robots.txt group.</summary>
    public required string UserAgent { get; init; }

    /// <summary>
    /// <c>host</c> or <c>host:port</c> (the port only when it is not the scheme's default, as
    /// <see cref="SourceReader.HostKey"/> writes it) that pages, redirects and attachments may come from.
    /// </summary>
    public required IReadOnlyCollection<string> AllowedHosts
    {
        get => allowedHosts;
        init => allowedHosts = value.Select(h => h.Trim().ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The least time between the end of one request to a host and the start of the next, retries included. robots.txt's Crawl-delay may raise it.</summary>
    public TimeSpan MinDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one attempt may take, from sending the request to the last byte of the body.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the attempts at one URL may take together, retry waits included (not the wait for the host's turn).</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Retries after the first attempt, for 408, 429, 5xx gateway statuses, broken connections and timeouts.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The largest body read off the wire (before decompression).</summary>
    public long MaxBodyBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>The largest body after gzip, deflate or br is undone: a small compressed body may expand without bound.</summary>
    public long MaxDecompressedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Whether loopback, private and link-local addresses may be reached: only for a local test source.</summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>The most redirects followed from one URL.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>A host whose certificate is trusted by its fingerprint alone (the source's <c>tls.pin_sha256</c>); null for none.</summary>
    public CertificatePin? PinnedCertificate { get; init; }

    /// <summary>The policy of a source: its allowed hosts and delay; private addresses only when it is a local test source.</summary>
    public static FetchPolicy ForSource(Source source, string userAgent)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new FetchPolicy
        {
            UserAgent = userAgent,
            AllowedHosts = source.AllowedHosts,
            MinDelay = source.MinDelay,
            AllowPrivateAddresses = source.LocalTest,
            PinnedCertificate = source.PinnedCertificate,
        };
    }

    /// <summary>Whether the URL's host (and port) is one the source allows.</summary>
    public bool AllowsHost(Uri url) => allowedHosts.Contains(SourceReader.HostKey(url));

    /// <summary>The User-Agent's product token, which robots.txt groups name.</summary>
    public string ProductToken => RobotsTxt.ProductToken(UserAgent);

    /// <summary>Every mistake in the policy; empty when it can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(UserAgent) || ProductToken.Length == 0)
            problems.Add($"UserAgent '{UserAgent}' should start with a product token, e.g. WarehouseBot/1.0 (+https://example.org/warehouse-bot)");
        else if (UserAgent.Any(char.IsControl))
            problems.Add("UserAgent may not hold control characters (a header value is one line)");
        if (allowedHosts.Count == 0) problems.Add("AllowedHosts is empty: no URL could be fetched");
        if (MinDelay < TimeSpan.Zero) problems.Add($"MinDelay may not be negative (is {MinDelay})");
        // Polly's timeout strategy takes 10 ms to 1 day.
        if (AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TimeSpan.FromDays(1))
            problems.Add($"AttemptTimeout should be between 10 ms and 1 day (is {AttemptTimeout})");
        if (TotalTimeout < TimeSpan.FromMilliseconds(10) || TotalTimeout > TimeSpan.FromDays(1))
            problems.Add($"TotalTimeout should be between 10 ms and 1 day (is {TotalTimeout})");
        if (MaxRetries is < 0 or > MaxRetriesCeiling) problems.Add($"MaxRetries should be between 0 and {MaxRetriesCeiling} (is {MaxRetries})");
        if (MaxBodyBytes <= 0) problems.Add($"MaxBodyBytes should be positive (is {MaxBodyBytes})");
        if (MaxDecompressedBytes <= 0) problems.Add($"MaxDecompressedBytes should be positive (is {MaxDecompressedBytes})");
        if (MaxRedirects is < 0 or > 20) problems.Add($"MaxRedirects should be between 0 and 20 (is {MaxRedirects})");
        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming every mistake, so a bad configuration fails on the first fetch, not in the middle of a crawl.</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0) throw new ArgumentException("The fetch policy cannot be used: " + string.Join("; ", problems) + ".");
    }
}
