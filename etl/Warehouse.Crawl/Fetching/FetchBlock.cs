namespace Warehouse.Crawl.Fetching;

/// <summary>
/// Why a host kept a fetch from its page whatever the URL: not a broken page but a wall the crawler must be
/// told about. Such a fetch ends <see cref="FetchStatus.Failed"/>, to be tried again on the next run.
/// </summary>
public enum FetchBlock
{
    /// <summary>The site's bot protection answered with a challenge page (a script to run) instead of the page.</summary>
    BotProtection,

    /// <summary>The host's TLS certificate could not be trusted (its chain, name or dates), or did not match the source's pin.</summary>
    Certificate,
}
