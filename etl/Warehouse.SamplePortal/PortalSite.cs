namespace Warehouse.SamplePortal;

/// <summary>One sample county portal: one port on 127.0.0.1, so one host to a crawler.</summary>
/// <param name="Index">Its place in <see cref="SamplePortal.Sites"/>; faults and item ids depend on it, never on the port.</param>
/// <param name="Name">What users call it, e.g. 赣县区人民政府.</param>
/// <param name="RegionCode">The county's six-digit GB/T 2260 code.</param>
/// <param name="BaseUri">http://127.0.0.1:PORT/</param>
/// <param name="ListUri">The first list page of its annual-report column (政府信息公开年报).</param>
public sealed record PortalSite(int Index, string Name, string RegionCode, CmsStyle Cms, Uri BaseUri, Uri ListUri)
{
    public int Port => BaseUri.Port;

    /// <summary>The crawler's profile for its style: trs for both TRS templates, hanweb.</summary>
    public string Profile => Cms == CmsStyle.Hanweb ? "hanweb" : "trs";

    /// <summary>
    /// A source file for this site, as the crawler reads them (etl/sources/README.md): a local test
    /// source, so that it may use loopback and a delay under a second. A <see cref="CmsStyle.TrsWcm"/> site's
    /// source names its search API (list.api), since its page lists only the first items.
    /// </summary>
    public string SourceYaml(TimeSpan delay, string? schedule = null) => $"""
        title: {Name}
        region: "{RegionCode}"
        profile: {Profile}
        start: {ListUri}{(Cms == CmsStyle.TrsWcm ? $"\nlist:\n  api:\n    url: \"{new Uri(BaseUri, Content.TrsWcmStyle.ApiTemplate(Index).Replace("{page}", "PAGE", StringComparison.Ordinal)).AbsoluteUri.Replace("PAGE", "{page}", StringComparison.Ordinal)}\"" : "")}
        politeness:
          min_delay: {delay.TotalMilliseconds:0}ms
        {(schedule is null ? "" : $"schedule: \"{schedule}\"")}
        local_test_source: true
        """;
}
