using Dapper;
using Shouldly;
using Warehouse.Corpus;
using Warehouse.SamplePortal;

namespace Warehouse.Crawl.Tests.Crawling;

/// <summary>Real crawls of the sample portal over HTTP on 127.0.0.1 into a real SQLite warehouse.</summary>
public sealed class CrawlTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_full_crawl_loads_every_report_with_the_values_the_generator_wrote()
    {
        await using var setup = await CrawlSetup.StartAsync(null, TimeSpan.FromMilliseconds(2), Ct);
        setup.Portal.Reports.Count.ShouldBeGreaterThanOrEqualTo(500);
        setup.Portal.Sites.Select(s => s.Cms).Distinct().Count().ShouldBe(2);

        var summaries = await setup.CrawlAsync(Ct);

        summaries.Sum(s => s.NewDocuments).ShouldBe(setup.Portal.Reports.Count);
        summaries.SelectMany(s => s.Problems).Where(p => !p.Url.Contains("/private/", StringComparison.Ordinal)).ShouldBeEmpty();
        summaries.ShouldAllBe(s => s.Failure == null);
        await AssertEveryReportLoadedAsync(setup);

        // Nothing fetched twice, robots.txt obeyed.
        var log = setup.Portal.Log.Entries;
        log.Where(e => e.PathAndQuery != "/robots.txt").GroupBy(e => (e.Port, e.PathAndQuery)).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        log.ShouldNotContain(e => e.Disallowed);
    }

    [Fact]
    public async Task A_second_crawl_costs_a_304_per_unchanged_document_and_loads_nothing_new()
    {
        await using var setup = await CrawlSetup.StartAsync(null, TimeSpan.FromMilliseconds(2), Ct, sites: 1);
        await setup.CrawlAsync(Ct);
        var before = setup.Portal.Log.Count;

        var again = await setup.CrawlAsync(Ct);

        again.Sum(s => s.NewDocuments).ShouldBe(0);
        again.ShouldAllBe(s => s.Failure == null, "documents found unchanged are a crawl that worked");
        var second = setup.Portal.Log.Entries.Skip(before).Where(e => e.PathAndQuery != "/robots.txt").ToList();
        second.ShouldNotBeEmpty();
        second.ShouldAllBe(e => e.Status == 304, "every page and document is asked for conditionally and is unchanged");
    }

    [Fact]
    public async Task With_faults_every_report_is_still_loaded_once_and_the_portal_is_treated_politely()
    {
        var delay = TimeSpan.FromMilliseconds(20);
        var faults = FaultOptions.Typical with { RetryAfter = TimeSpan.FromSeconds(1), SlowDelay = TimeSpan.FromMilliseconds(300) };
        await using var setup = await CrawlSetup.StartAsync(faults, delay, Ct);

        var summaries = await setup.CrawlAsync(Ct);

        var reachable = setup.Portal.Reports.Where(r => !r.Gone).ToList();
        summaries.Sum(s => s.NewDocuments).ShouldBe(reachable.Count);
        await AssertEveryReportLoadedAsync(setup, reachable);

        var log = setup.Portal.Log.Entries;
        log.ShouldNotContain(e => e.Disallowed);

        // After a 429 the next request to that host waits at least Retry-After.
        foreach (var tooMany in log.Where(e => e.Status == 429))
        {
            var next = log.Where(e => e.Port == tooMany.Port && e.Received > tooMany.Received).MinBy(e => e.Received);
            if (next is null) continue;
            (next.Received - tooMany.Responded).ShouldBeGreaterThanOrEqualTo(faults.RetryAfter - TimeSpan.FromMilliseconds(20));
        }

        // The per-host delay is never undercut, retries included.
        foreach (var host in log.GroupBy(e => e.Port))
        {
            var ordered = host.OrderBy(e => e.Received).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                (ordered[i].Received - ordered[i - 1].Responded).ShouldBeGreaterThanOrEqualTo(delay - TimeSpan.FromMilliseconds(5),
                    $"{ordered[i - 1].PathAndQuery} then {ordered[i].PathAndQuery}");
            }
        }

        // The faulted URLs are named with their reasons; the redirect loop and the foreign host among them.
        var problems = summaries.SelectMany(s => s.Problems).ToList();
        problems.ShouldContain(p => p.Url.Contains("/redirect/loop", StringComparison.Ordinal));
        problems.ShouldAllBe(p => !string.IsNullOrWhiteSpace(p.LastReason));
    }

    private static async Task AssertEveryReportLoadedAsync(CrawlSetup setup, IReadOnlyList<ServedReport>? reports = null)
    {
        await using var c = await setup.Database.OpenAsync(Ct);
        foreach (var served in reports ?? setup.Portal.Reports)
        {
            var expected = ReportFactory.Create(CrawlCorpus.Seed, served.CorpusIndex, CrawlCorpus.Share).Report;
            var cells = (await c.QueryAsync<(string Category, long Column, long? Count)>(
                "select d.category_code, a.column_index, f.count from fact_application f join fact_report r on r.report_key = f.report_key " +
                "join dim_disposal_category d on d.category_key = f.category_key join dim_applicant_type a on a.applicant_key = f.applicant_key where r.sha256 = @sha",
                new { sha = served.Sha256 })).ToList();
            cells.Count.ShouldBe(expected.Applications.Rows.Count() * 7, $"{served.Layout} report {served.CorpusIndex} at {served.DocumentUrl}");
            foreach (var (category, column, count) in cells)
            {
                count.ShouldBe(expected.Applications[category, (int)column], $"{served.Layout} report {served.CorpusIndex} {category} {column}");
            }
        }
    }
}
