namespace Warehouse.SamplePortal;

/// <summary>What a <see cref="SamplePortal"/> serves and how.</summary>
/// <param name="CorpusDirectory">A folder written by <c>CorpusWriter</c> (manifest.json, the reports and their expected JSON).</param>
/// <param name="Sites">How many county portals, one port each; 1 to <see cref="SiteNames.Count"/>. Even ones are TRS, odd ones Hanweb.</param>
/// <param name="PageSize">Items per list page.</param>
/// <param name="Faults">The faults to play; none when null.</param>
/// <param name="Seed">Chooses posting dates, ids, the other items and the faulted URLs; the same seed serves the same portal.</param>
/// <param name="Ports">A port per site; 0, or null for all, takes a free one.</param>
/// <param name="Styles">The CMS style of each site, one per site; null for even sites TRS, odd ones Hanweb.</param>
public sealed record SamplePortalOptions(
    string CorpusDirectory,
    int Sites = 2,
    int PageSize = 20,
    FaultOptions? Faults = null,
    int Seed = 1,
    IReadOnlyList<int>? Ports = null,
    IReadOnlyList<CmsStyle>? Styles = null)
{
    /// <summary>The style of site <paramref name="site"/>.</summary>
    public CmsStyle StyleOf(int site) => Styles?[site] ?? SiteNames.StyleOf(site);

    /// <summary>Throws, naming the option, when a value cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(CorpusDirectory)) throw new ArgumentException("No corpus folder given.", nameof(CorpusDirectory));
        if (Sites < 1 || Sites > SiteNames.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(Sites), Sites, $"A sample portal has 1 to {SiteNames.Count} sites.");
        }

        if (PageSize < 1) throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, "A list page holds at least one item.");
        if (Ports is not null)
        {
            if (Ports.Count != Sites) throw new ArgumentException($"{Ports.Count} port(s) given for {Sites} site(s); give one per site, or none.", nameof(Ports));
            var bad = Ports.Where(p => p is < 0 or > 65535).ToList();
            if (bad.Count > 0) throw new ArgumentOutOfRangeException(nameof(Ports), bad[0], "A port is 0 (any free one) to 65535.");
            var twice = Ports.Where(p => p != 0).GroupBy(p => p).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null) throw new ArgumentException($"Port {twice.Key} is given to two sites.", nameof(Ports));
        }

        if (Styles is not null && Styles.Count != Sites) throw new ArgumentException($"{Styles.Count} style(s) given for {Sites} site(s); give one per site, or none.", nameof(Styles));
        (Faults ?? FaultOptions.None).Validate();
    }
}
