using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace Warehouse.Crawl.Tests.Fetching;

/// <summary>Bot protection's challenge pages (a script to run instead of the page) end a fetch as blocked, never as a page.</summary>
public sealed class FetcherChallengeTests
{
    // 加速乐 (jsl): 521 and a script that sets a cookie and reloads.
    private const string JslChallenge = "<html><head><script>document.cookie='__jsl_clearance=1|0|x;path=/';location.href=location.pathname</script></head><body></body></html>";

    // 瑞数 (Ruishu): a page of meta tags and scripts, no text.
    private const string RuishuChallenge = """
        <!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta id="9DhefwqGPrzGxEp9hPaoag" content="x">
        <script type="text/javascript" r="m">$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=1;</script>
        <script type="text/javascript" charset="utf-8" src="/abc/def.js" r="m"></script></head><body>&nbsp;</body></html>
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(521, JslChallenge)]
    [InlineData(412, RuishuChallenge)]
    [InlineData(200, RuishuChallenge)]
    [InlineData(200, JslChallenge)]
    public async Task A_challenge_page_fails_the_fetch_as_blocked_by_bot_protection(int status, string body)
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/ndbg/2024.html", () => Results.Content(body, "text/html; charset=utf-8", null, status)), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/ndbg/2024.html"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Failed);
        result.Blocked.ShouldBe(FetchBlock.BotProtection);
        ((int?)result.StatusCode).ShouldBe(status);
        result.Bytes.ShouldBeEmpty();
        result.Reason.ShouldStartWith("被网站的反爬虫防护拦截（");
        result.Reason.ShouldEndWith("/ blocked by the site's bot protection (a script-only challenge page)");
        // Running no script, another try now would meet the same wall.
        portal.HitsTo("/ndbg/2024.html").Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_page_with_text_and_scripts_is_a_page()
    {
        const string page = "<html><head><script src=\"/js/jquery.js\"></script></head><body><h1>2024年度政府信息公开工作年度报告</h1><script>stat()</script></body></html>";
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/a.html", () => Results.Content(page, "text/html; charset=utf-8")), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/a.html"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Ok);
        result.Blocked.ShouldBeNull();
    }

    [Fact]
    public async Task A_page_whose_script_writes_the_report_is_a_page_not_a_challenge()
    {
        // A front-end framework's portal: an empty div#app, and the report's HTML in a script (no text a reader sees).
        var rows = string.Concat(Enumerable.Range(1, 8).Select(i => $"<tr><td>第二十条第（{i}）项</td><td>0</td></tr>"));
        var page = "<html><head><title>2024年度政府信息公开工作年度报告</title></head><body><div id=\"app\"></div><script>var content = \"<p>三、收到和处理政府信息公开申请情况</p><table>"
            + rows + "<\\/table>\";</script></body></html>";
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/a.html", () => Results.Content(page, "text/html; charset=utf-8")), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/a.html"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Ok);
        result.Blocked.ShouldBeNull();
    }

    [Fact]
    public async Task A_412_without_a_script_is_an_error_status_not_a_challenge()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/a.html", () => Results.Content("<html><body>Precondition Failed</body></html>", "text/html", null, 412)), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/a.html"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Failed);
        result.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        result.Blocked.ShouldBeNull();
        result.Reason.ShouldBe("412 Precondition Failed");
    }

    [Fact]
    public async Task A_robots_txt_that_is_a_200_page_of_script_is_no_rules_not_a_wall()
    {
        // Portals answer unknown paths with a page whose script sends the visitor home.
        await using var portal = await TestPortal.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Content("<html><head><script>location.href='/'</script></head><body></body></html>", "text/html"));
            app.MapGet("/ndbg/", () => Results.Content("<html><body><p>年度报告</p></body></html>", "text/html"));
        }, Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/ndbg/"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Ok);
    }

    [Fact]
    public async Task A_challenged_robots_txt_fails_the_page_with_the_challenge_not_a_robots_problem()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/{**path}", () => Results.Content(JslChallenge, "text/html", null, 521)), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/ndbg/"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Failed);
        result.Blocked.ShouldBe(FetchBlock.BotProtection);
        result.Reason.ShouldNotBeNull().ShouldStartWith("被网站的反爬虫防护拦截（521");
        result.Reason.ShouldNotContain("robots.txt");
    }
}
