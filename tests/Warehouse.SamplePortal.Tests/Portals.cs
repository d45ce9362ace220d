namespace Warehouse.SamplePortal.Tests;

internal static class Portals
{
    /// <summary>Three sites (TRS, Hanweb, TRS) and short pages, so both styles paginate and a Hanweb page must move.</summary>
    public static Task<SamplePortal> StartAsync(TestCorpus corpus, FaultOptions? faults = null, int sites = 3, int pageSize = 7, int seed = 1) =>
        SamplePortal.StartAsync(new SamplePortalOptions(corpus.Directory, sites, pageSize, faults, seed), Http.Ct);
}
