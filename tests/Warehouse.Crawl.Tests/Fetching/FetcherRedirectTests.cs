using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace Warehouse.Crawl.Tests.Fetching;

public sealed class FetcherRedirectTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_redirect_within_the_host_is_followed()
    {
        await using var portal = await TestPortal.StartAsync(app =>
        {
            app.MapGet("/old", () => Results.Redirect("/new", permanent: true));
            app.MapGet("/new", () => "moved here");
        }, Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/old"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Ok);
        result.Url.ShouldBe(portal.Url("/old"));
        result.FinalUrl.ShouldBe(portal.Url("/new"));
        result.Bytes.ShouldBe("moved here"u8.ToArray());
        result.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task A_redirect_to_a_host_the_source_does_not_allow_is_refused()
    {
        await using var target = await TestPortal.StartAsync(app => app.MapGet("/elsewhere", () => "elsewhere"), Ct);
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/go", () => Results.Redirect(target.Url("/elsewhere").ToString())), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/go"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Refused);
        result.FinalUrl.ShouldBe(target.Url("/elsewhere"));
        result.Reason.ShouldBe($"{portal.Url("/go")} redirects to {target.Url("/elsewhere")}, but host {target.Host()} is not allowed by the source");
        target.Hits.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_portal_that_sets_a_cookie_and_redirects_back_gets_the_cookie_and_is_no_loop()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/ndbg/", (HttpContext context) =>
        {
            if (context.Request.Cookies["sid"] == "k1") return Results.Content("the column", "text/html");
            context.Response.Cookies.Append("sid", "k1", new CookieOptions { Path = "/" });
            return Results.Redirect("/ndbg/");
        }), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/ndbg/"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Ok);
        result.Bytes.ShouldBe("the column"u8.ToArray());
        portal.HitsTo("/ndbg/").Select(h => h.Header("Cookie")).ShouldBe([null, "sid=k1"]);
    }

    [Fact]
    public async Task Cookies_are_kept_per_host_for_the_crawl_and_not_sent_to_another_host()
    {
        await using var portal = await TestPortal.StartAsync(app =>
        {
            app.MapGet("/set", (HttpContext context) =>
            {
                context.Response.Cookies.Append("sid", "k1", new CookieOptions { Path = "/" });
                return "set";
            });
            app.MapGet("/next", () => "next");
        }, Ct, ports: 2);
        await using var fetcher = Fetcher.Create(Fast.Options);
        var policy = Fast.Policy(portal.Host(0), portal.Host(1));

        await fetcher.FetchAsync(portal.Url("/set", 0), policy, null, Ct);
        await fetcher.FetchAsync(portal.Url("/next", 0), policy, null, Ct);
        await fetcher.FetchAsync(portal.Url("/next", 1), policy, null, Ct);

        portal.HitsTo("/next").Select(h => (h.Port, h.Header("Cookie"))).ShouldBe([(portal.Ports[0], "sid=k1"), (portal.Ports[1], (string?)null)]);
    }

    [Fact]
    public async Task A_portal_that_sets_the_same_cookie_and_redirects_back_again_is_a_loop()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/ndbg/", (HttpContext context) =>
        {
            context.Response.Cookies.Append("sid", "k1", new CookieOptions { Path = "/" });
            return Results.Redirect("/ndbg/");
        }), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/ndbg/"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Failed);
        result.Reason.ShouldBe($"redirect loop at {portal.Url("/ndbg/")}");
        portal.HitsTo("/ndbg/").Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_redirect_loop_fails()
    {
        await using var portal = await TestPortal.StartAsync(app =>
        {
            app.MapGet("/a", () => Results.Redirect("/b"));
            app.MapGet("/b", () => Results.Redirect("/a"));
        }, Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/a"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Failed);
        result.Reason.ShouldBe($"redirect loop at {portal.Url("/a")}");
        portal.HitsTo("/a").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Five_redirects_are_followed()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/hop/{n:int}", (int n) =>
            n < 5 ? Results.Redirect($"/hop/{n + 1}") : Results.Text("arrived")), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/hop/0"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Ok);
        result.FinalUrl.ShouldBe(portal.Url("/hop/5"));
    }

    [Fact]
    public async Task A_sixth_redirect_is_refused()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/hop/{n:int}", (int n) => Results.Redirect($"/hop/{n + 1}")), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/hop/0"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Refused);
        result.Reason.ShouldBe($"more than 5 redirects: {portal.Url("/hop/5")} redirects again, to {portal.Url("/hop/6")}");
        portal.HitsStartingWith("/hop/").Count.ShouldBe(6);
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_is_refused()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/go", () => Results.Redirect("ftp://127.0.0.1/report.pdf")), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/go"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Refused);
        result.Reason.ShouldBe($"{portal.Url("/go")} redirects to ftp://127.0.0.1/report.pdf, but only http and https URLs are fetched, not ftp:");
    }
}
