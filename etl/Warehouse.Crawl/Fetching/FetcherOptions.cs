namespace Warehouse.Crawl.Fetching;

/// <summary>
/// What is the same for every source of a crawl: the retry backoff, the per-host circuit breaker and
/// how long robots.txt is trusted. What differs per source is in <see cref="FetchPolicy"/>.
/// </summary>
public sealed record FetcherOptions
{
    /// <summary>The wait before the first retry; it doubles for each further one, with jitter, and is never below the host's delay or the server's Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff between retries (a server's Retry-After may ask for longer and gets it).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The share of failed attempts to one host, within <see cref="BreakerSamplingDuration"/>, that opens its circuit.</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;

    /// <summary>
    /// The attempts to one host that must have been made in the window before its circuit may open. Above
    /// one URL's attempts (1 + MaxRetries), so that one broken page does not stop the host.
    /// </summary>
    public int BreakerMinimumThroughput { get; init; } = 10;

    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a host whose circuit opened gets no requests.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a robots.txt that was read (or was missing) is trusted.</summary>
    public TimeSpan RobotsLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long a host whose robots.txt answered 5xx (or not at all) stays disallowed before robots.txt is asked again.</summary>
    public TimeSpan RobotsFailureLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Throws <see cref="ArgumentException"/> naming every value out of range.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        // The ranges are those Polly's options accept, said here in the caller's terms.
        if (RetryBaseDelay < TimeSpan.Zero || RetryBaseDelay > TimeSpan.FromDays(1)) problems.Add($"RetryBaseDelay should be between 0 and 1 day (is {RetryBaseDelay})");
        if (MaxRetryDelay < RetryBaseDelay) problems.Add($"MaxRetryDelay ({MaxRetryDelay}) should not be below RetryBaseDelay ({RetryBaseDelay})");
        if (BreakerFailureRatio is <= 0 or > 1) problems.Add($"BreakerFailureRatio should be above 0 and at most 1 (is {BreakerFailureRatio})");
        if (BreakerMinimumThroughput < 2) problems.Add($"BreakerMinimumThroughput should be at least 2 (is {BreakerMinimumThroughput})");
        if (BreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || BreakerSamplingDuration > TimeSpan.FromDays(1))
            problems.Add($"BreakerSamplingDuration should be between 500 ms and 1 day (is {BreakerSamplingDuration})");
        if (BreakDuration < TimeSpan.FromMilliseconds(500) || BreakDuration > TimeSpan.FromDays(1))
            problems.Add($"BreakDuration should be between 500 ms and 1 day (is {BreakDuration})");
        if (RobotsLifetime <= TimeSpan.Zero) problems.Add($"RobotsLifetime should be positive (is {RobotsLifetime})");
        if (RobotsFailureLifetime <= TimeSpan.Zero) problems.Add($"RobotsFailureLifetime should be positive (is {RobotsFailureLifetime})");
        if (problems.Count > 0) throw new ArgumentException("The fetcher options cannot be used: " + string.Join("; ", problems) + ".");
    }
}
