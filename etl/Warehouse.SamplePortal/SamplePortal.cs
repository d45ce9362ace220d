using Microsoft.AspNetCore.WebUtilities;
using Warehouse.SamplePortal.Content;
using Warehouse.SamplePortal.Hosting;

namespace Warehouse.SamplePortal;

/// <summary>
/// County government portals on 127.0.0.1, one port each, publishing a generated corpus in their
/// annual-report columns the way TRS and Hanweb sites do, with faults on demand: a crawler's test
/// bench over real HTTP. Everything is rendered at start; what is served depends only on the
/// corpus, the options and the seed.
/// </summary>
public sealed class SamplePortal : IAsyncDisposable
{
    private readonly IReadOnlyList<SiteServer> _servers;
    private readonly IReadOnlyList<SiteContent> _contents;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private SamplePortal(SamplePortalOptions options, FaultPlan faults, IReadOnlyList<SiteServer> servers, IReadOnlyList<SiteContent> contents,
        IReadOnlyList<PortalSite> sites, IReadOnlyList<ServedReport> reports, RequestLog log, CancellationTokenSource stopping)
    {
        _stopping = stopping;
        Options = options;
        Faults = faults;
        _servers = servers;
        _contents = contents;
        Sites = sites;
        Reports = reports;
        Log = log;
    }

    public SamplePortalOptions Options { get; }

    public IReadOnlyList<PortalSite> Sites { get; }

    /// <summary>Every report listed on a site, by corpus index; text-layout entries are never served, so never here.</summary>
    public IReadOnlyList<ServedReport> Reports { get; }

    public RequestLog Log { get; }

    /// <summary>The fault decisions; <see cref="FaultAt"/> applies them to a URL.</summary>
    public FaultPlan Faults { get; }

    public static Task<SamplePortal> StartAsync(SamplePortalOptions options, CancellationToken ct) => StartAsync(options, TimeProvider.System, ct);

    /// <param name="time">Stamps the request log and times slow responses.</param>
    public static async Task<SamplePortal> StartAsync(SamplePortalOptions options, TimeProvider time, CancellationToken ct)
    {
        options.Validate();
        var faultOptions = options.Faults ?? FaultOptions.None;
        var faults = new FaultPlan(faultOptions, options.Seed);
        var corpus = await CorpusReader.ReadAsync(options.CorpusDirectory, ct);
        var plans = ColumnPlanner.Plan(corpus, options.Sites, faultOptions.RedirectLoop, options.Seed, options.StyleOf);
        var contents = plans.Select(p => p.Cms switch
        {
            CmsStyle.Trs => TrsStyle.Render(p, options.PageSize),
            CmsStyle.TrsWcm => TrsWcmStyle.Render(p, options.PageSize),
            _ => HanwebStyle.Render(p, options.PageSize),
        }).ToList();

        var log = new RequestLog();
        var servers = new List<SiteServer>();
        var stopping = new CancellationTokenSource();
        try
        {
            for (var i = 0; i < plans.Count; i++)
            {
                var handler = new SiteRequestHandler(i, contents[i], faults, log, time, stopping.Token);
                servers.Add(await SiteServer.StartAsync(handler, options.Ports?[i] ?? 0, ct));
            }
        }
        catch
        {
            // Ports already taken are given back: a failed start leaves nothing listening.
            foreach (var s in servers) await s.DisposeAsync();
            stopping.Dispose();
            throw;
        }

        var sites = plans.Select((p, i) =>
        {
            var baseUri = new Uri($"http://127.0.0.1:{servers[i].Port}/");
            return new PortalSite(i, p.Name, p.RegionCode, p.Cms, baseUri, new Uri(baseUri, contents[i].ListPath));
        }).ToList();
        var reports = contents
            .SelectMany((c, i) => c.Reports.Select(r => Served(sites[i], r, faults)))
            .OrderBy(r => r.CorpusIndex)
            .ToList();
        return new SamplePortal(options, faults, servers, contents, sites, reports, log, stopping);
    }

    /// <summary>The fault a URL of this portal carries for the run; None for a URL it does not serve.</summary>
    public FaultKind FaultAt(Uri url)
    {
        var site = Sites.FirstOrDefault(s => s.BaseUri.IsBaseOf(url) && s.Port == url.Port);
        if (site is null) return FaultKind.None;
        var content = _contents[site.Index];
        var query = QueryHelpers.ParseQuery(url.Query);
        var key = content.Key(url.AbsolutePath, name => query.TryGetValue(name, out var v) ? v.ToString() : null);
        var resource = content.Find(key);
        if (resource is null) return FaultKind.None;
        return resource.Kind == ResourceKind.Fixed ? resource.Marks : Faults.FaultOf(site.Index, key, resource.Kind);
    }

    /// <summary>Stops every site; a slow response in flight is dropped rather than waited for.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stopping.CancelAsync();
        await Task.WhenAll(_servers.Select(s => s.DisposeAsync().AsTask()));
        _stopping.Dispose();
    }

    private static ServedReport Served(PortalSite site, PublishedReport r, FaultPlan faults)
    {
        var report = r.Item.Report!;
        var articleFault = faults.FaultOf(site.Index, r.ArticleKey, ResourceKind.Article);
        var documentFault = r.DocumentKey == r.ArticleKey ? articleFault : faults.FaultOf(site.Index, r.DocumentKey, ResourceKind.Attachment);
        return new ServedReport(site, new Uri(site.BaseUri, r.ArticleUrl), new Uri(site.BaseUri, r.DocumentUrl), report.Index, report.Layout, r.Sha256,
            report.ExpectedPath, r.Item.Title, r.Item.Posted, articleFault, documentFault);
    }
}
