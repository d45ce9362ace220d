using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Warehouse.Crawl.Crawling;
using Warehouse.Crawl.Tests.Fetching;

namespace Warehouse.Crawl.Tests.Crawling;

/// <summary>
/// A crawl that failed as a whole says so: its start page did not answer, or it got no document
/// from its source. The run records why, for /health and the job that ran it.
/// </summary>
public sealed class CrawlFailureTests() : ScratchFolderTests("crawl-failure-")
{
    [Fact]
    public async Task A_start_page_that_does_not_answer_fails_the_crawl_and_the_run_says_why()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/gkml/ndbg/", () => Results.NotFound()), Ct);
        var (summary, recorded) = await CrawlAsync(portal.Url("/gkml/ndbg/"));

        summary.Failure.ShouldNotBeNull();
        summary.Failure.ShouldStartWith($"起始页抓取失败：{portal.Url("/gkml/ndbg/").AbsoluteUri}（");
        summary.Failure.ShouldContain("404");
        summary.Failure.ShouldEndWith("/ the start page failed");
        recorded.ShouldBe(summary.Failure);
    }

    [Fact]
    public async Task A_crawl_that_gets_no_document_from_its_source_fails()
    {
        // The column answers, but lists nothing the profile reads (a portal that changed its pages).
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/gkml/ndbg/", () => Results.Content(
            "<html><head><meta charset=\"utf-8\"></head><body><h1>政府信息公开年报</h1><p>栏目改版中</p></body></html>", "text/html; charset=utf-8")), Ct);
        var (summary, recorded) = await CrawlAsync(portal.Url("/gkml/ndbg/"));

        summary.ListPages.ShouldBe(1);
        summary.Failure.ShouldBe("未从该来源抓取到任何文件（列表页 1 个，文章 0 篇，失败或被拒 0 个）/ nothing was fetched from the source");
        recorded.ShouldBe(summary.Failure);
    }

    /// <summary>Crawls a local test source starting at <paramref name="start"/>; returns its summary and the failure its run recorded.</summary>
    private async Task<(CrawlSummary Summary, string? Recorded)> CrawlAsync(Uri start)
    {
        var (summary, database) = await LocalCrawl.RunAsync(Dir.FullName, start, null, Ct);
        await using var c = await database.OpenAsync(Ct);
        var recorded = await c.ExecuteScalarAsync<string?>("select failure from crawl_run where run_key = @RunKey and finished_at is not null", new { summary.RunKey });
        return (summary, recorded);
    }
}
