using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace Warehouse.Crawl.Tests.Fetching;

public sealed class FetcherRobotsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_disallowed_url_is_never_requested()
    {
        await using var portal = await TestPortal.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => "User-agent: *\nDisallow: /private/\n");
            app.MapGet("/private/report", () => "secret");
            app.MapGet("/public/report", () => "public");
        }, Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);
        var policy = Fast.Policy(portal.Host());

        var disallowed = await fetcher.FetchAsync(portal.Url("/private/report"), policy, null, Ct);
        var allowed = await fetcher.FetchAsync(portal.Url("/public/report"), policy, null, Ct);

        disallowed.Status.ShouldBe(FetchStatus.Disallowed);
        disallowed.Reason.ShouldBe($"robots.txt at http://{portal.Host()}/robots.txt disallows /private/report for WarehouseBot");
        disallowed.Attempts.ShouldBe(0);
        allowed.Status.ShouldBe(FetchStatus.Ok);
        portal.HitsStartingWith("/private").ShouldBeEmpty();
    }

    [Fact]
    public async Task Robots_txt_is_fetched_once_for_many_fetches()
    {
        await using var portal = await TestPortal.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => "User-agent: *\nAllow: /\n");
            app.MapGet("/page/{n:int}", (int n) => $"page {n}");
        }, Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(n => fetcher.FetchAsync(portal.Url($"/page/{n}"), Fast.Policy(portal.Host()), null, Ct)));

        portal.HitsTo("/robots.txt").Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_group_naming_the_crawler_wins_over_the_star_group()
    {
        await using var portal = await TestPortal.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => "User-agent: *\nDisallow: /\n\nUser-agent: WarehouseBot\nDisallow: /tmp/\n");
            app.MapGet("/report", () => "report");
        }, Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/report"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Ok);
    }

    [Fact]
    public async Task A_robots_txt_answering_5xx_disallows_the_whole_host_for_now()
    {
        await using var portal = await TestPortal.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.StatusCode(503));
            app.MapGet("/page", () => "page");
        }, Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/page"), Fast.Policy(portal.Host()) with { MaxRetries = 1 }, null, Ct);

        result.Status.ShouldBe(FetchStatus.Disallowed);
        result.Reason.ShouldBe($"robots.txt at http://{portal.Host()}/robots.txt could not be read (503 Service Unavailable after 2 attempts), so the whole host is disallowed for now (as Google does when robots.txt answers 5xx)");
        portal.HitsTo("/page").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_robots_txt_allows_everything()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/page", () => "page"), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/page"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Ok);
        portal.HitsTo("/robots.txt").Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_redirect_to_a_disallowed_path_is_not_followed()
    {
        await using var portal = await TestPortal.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => "User-agent: *\nDisallow: /private/\n");
            app.MapGet("/go", () => Results.Redirect("/private/report"));
            app.MapGet("/private/report", () => "secret");
        }, Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/go"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Disallowed);
        result.FinalUrl.ShouldBe(portal.Url("/private/report"));
        portal.HitsStartingWith("/private").ShouldBeEmpty();
    }
}
