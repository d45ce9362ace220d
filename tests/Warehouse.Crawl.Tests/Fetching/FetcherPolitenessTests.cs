using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace Warehouse.Crawl.Tests.Fetching;

public sealed class FetcherPolitenessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_callers_never_undercut_the_host_delay_retries_included()
    {
        var delay = TimeSpan.FromMilliseconds(150);
        var seen = new HashSet<string>();
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/page/{n:int}", (int n) =>
        {
            // Odd pages fail once, so retries are among the requests whose spacing is checked.
            bool first;
            lock (seen) first = seen.Add($"/page/{n}");
            return n % 2 == 1 && first ? Results.StatusCode(503) : Results.Text($"page {n}");
        }), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);
        var policy = Fast.Policy(portal.Host()) with { MinDelay = delay };

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(n => fetcher.FetchAsync(portal.Url($"/page/{n}"), policy, null, Ct)));

        results.ShouldAllBe(r => r.Status == FetchStatus.Ok);
        var hits = portal.Hits;
        hits.Count.ShouldBe(1 + 6 + 3); // robots.txt, six pages, three retries
        for (var i = 1; i < hits.Count; i++)
        {
            Fast.Millis(hits[i - 1].Timestamp, hits[i].Timestamp).ShouldBeGreaterThanOrEqualTo(delay.TotalMilliseconds, $"{hits[i - 1].Path} then {hits[i].Path}");
        }
    }

    [Fact]
    public async Task Two_hosts_proceed_in_parallel()
    {
        var delay = TimeSpan.FromMilliseconds(300);
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/page/{n:int}", (int n) => Results.Text($"page {n}")), Ct, ports: 2);
        await using var fetcher = Fetcher.Create(Fast.Options);
        var policy = Fast.Policy(portal.Host(0), portal.Host(1)) with { MinDelay = delay };

        var fetches = Enumerable.Range(0, 3).SelectMany(n => new[] { portal.Url($"/page/{n}", 0), portal.Url($"/page/{n}", 1) });
        var results = await Task.WhenAll(fetches.Select(url => fetcher.FetchAsync(url, policy, null, Ct)));

        results.ShouldAllBe(r => r.Status == FetchStatus.Ok);
        var a = portal.Hits.Where(h => h.Port == portal.Ports[0]).ToList();
        var b = portal.Hits.Where(h => h.Port == portal.Ports[1]).ToList();
        a.Count.ShouldBe(4);
        b.Count.ShouldBe(4);
        // Each host is paced on its own: their requests interleave instead of one host waiting for the other.
        a[0].Timestamp.ShouldBeLessThan(b[^1].Timestamp);
        b[0].Timestamp.ShouldBeLessThan(a[^1].Timestamp);
        foreach (var host in new[] { a, b })
        {
            for (var i = 1; i < host.Count; i++) Fast.Millis(host[i - 1].Timestamp, host[i].Timestamp).ShouldBeGreaterThanOrEqualTo(delay.TotalMilliseconds);
        }
    }

    [Fact]
    public async Task Crawl_delay_in_robots_txt_raises_the_delay()
    {
        await using var portal = await TestPortal.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => "User-agent: *\nCrawl-delay: 0.4\n");
            app.MapGet("/page/{n:int}", (int n) => Results.Text($"page {n}"));
        }, Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(n => fetcher.FetchAsync(portal.Url($"/page/{n}"), Fast.Policy(portal.Host()), null, Ct)));

        results.ShouldAllBe(r => r.Status == FetchStatus.Ok);
        var pages = portal.HitsStartingWith("/page/");
        pages.Count.ShouldBe(3);
        for (var i = 1; i < pages.Count; i++) Fast.Millis(pages[i - 1].Timestamp, pages[i].Timestamp).ShouldBeGreaterThanOrEqualTo(400);
    }

    [Fact]
    public async Task Sends_the_project_user_agent()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/page", () => "ok"), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        await fetcher.FetchAsync(portal.Url("/page"), Fast.Policy(portal.Host()), null, Ct);

        portal.Hits.ShouldAllBe(h => h.Header("User-Agent") == Fast.UserAgent);
    }
}
