using System.Net;
using System.Security.Cryptography;
using Shouldly;
using Warehouse.Corpus;

namespace Warehouse.SamplePortal.Tests;

/// <summary>Each fault over real HTTP, with its share at 1 so that every eligible URL carries it.</summary>
public sealed class FaultTests(TestCorpus corpus)
{
    [Fact]
    public async Task A_server_error_burst_alternates_500_and_503_then_serves_the_page()
    {
        await using var portal = await Portals.StartAsync(corpus, new FaultOptions { ServerErrorShare = 1, BurstLength = 3 });
        using var http = Http.Client();
        var url = portal.Sites[1].ListUri;
        portal.FaultAt(url).ShouldBe(FaultKind.ServerError);

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++) statuses.Add((int)(await http.GetAsync(url, Http.Ct)).StatusCode);

        statuses.ShouldBe([500, 503, 500, 200]);
        portal.Log.Entries.Select(e => (e.Attempt, e.Fault)).ShouldBe([(1, FaultKind.ServerError), (2, FaultKind.ServerError), (3, FaultKind.ServerError), (4, FaultKind.None)]);
    }

    [Fact]
    public async Task Too_many_requests_sends_retry_after_once_and_the_log_shows_how_long_the_client_waited()
    {
        await using var portal = await Portals.StartAsync(corpus, new FaultOptions { TooManyRequestsShare = 1, RetryAfter = TimeSpan.FromSeconds(1) });
        using var http = Http.Client();
        var url = portal.Reports[0].ArticleUrl;

        using var first = await http.GetAsync(url, Http.Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        first.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        // A margin: timers and the wall clock the log uses are different clocks.
        await Task.Delay(first.Headers.RetryAfter.Delta!.Value + TimeSpan.FromMilliseconds(50), Http.Ct);
        using var second = await http.GetAsync(url, Http.Ct);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);

        var log = portal.Log.Entries;
        log[0].Fault.ShouldBe(FaultKind.TooManyRequests);
        log[0].Status.ShouldBe(429);
        (log[1].Received - log[0].Responded).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_challenge_answers_521_with_only_a_script_once_then_serves_the_page()
    {
        await using var portal = await Portals.StartAsync(corpus, new FaultOptions { ChallengeShare = 1 });
        using var http = Http.Client();
        var url = portal.Reports[0].ArticleUrl;
        portal.FaultAt(url).ShouldBe(FaultKind.Challenge);

        using var first = await http.GetAsync(url, Http.Ct);
        ((int)first.StatusCode).ShouldBe(521);
        var script = await first.Content.ReadAsStringAsync(Http.Ct);
        script.ShouldContain("<script>document.cookie=");
        script.ShouldContain("<body></body>");
        using var second = await http.GetAsync(url, Http.Ct);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);

        portal.Log.Entries.Select(e => (e.Status, e.Fault)).ShouldBe([(521, FaultKind.Challenge), (200, FaultKind.None)]);
    }

    [Fact]
    public async Task A_slow_url_answers_late_once_then_at_once()
    {
        await using var portal = await Portals.StartAsync(corpus, new FaultOptions { SlowShare = 1, SlowDelay = TimeSpan.FromMilliseconds(400) });
        using var http = Http.Client();
        var url = portal.Sites[0].ListUri;

        (await http.GetAsync(url, Http.Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync(url, Http.Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var log = portal.Log.Entries;
        log[0].Fault.ShouldBe(FaultKind.Slow);
        // Timers and the wall clock the log uses are different clocks: allow them a few milliseconds.
        (log[0].Responded - log[0].Received).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(380));
        log[1].Fault.ShouldBe(FaultKind.None);
    }

    [Fact]
    public async Task Stopping_the_portal_drops_a_slow_response_instead_of_waiting_for_it()
    {
        var portal = await Portals.StartAsync(corpus, new FaultOptions { SlowShare = 1, SlowDelay = TimeSpan.FromMinutes(5) });
        using var http = Http.Client();
        var pending = http.GetAsync(portal.Sites[0].ListUri, Http.Ct);
        await Task.Delay(300, Http.Ct);

        // Kestrel would wait out its 2 s grace for a response in flight; the portal cancels the wait at once.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await portal.DisposeAsync();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1.5));
        await Should.ThrowAsync<HttpRequestException>(() => pending);
        portal.Log.Entries.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Fault.ShouldBe(FaultKind.Slow), e => e.Status.ShouldBe(0));
        await portal.DisposeAsync();
    }

    [Fact]
    public async Task A_reset_throws_on_the_client_and_the_retry_succeeds()
    {
        await using var portal = await Portals.StartAsync(corpus, new FaultOptions { ResetShare = 1 });
        using var http = Http.Client();
        var url = portal.Reports[0].DocumentUrl;

        await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, Http.Ct));
        using var retry = await http.GetAsync(url, Http.Ct);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        Convert.ToHexStringLower(SHA256.HashData(await retry.Content.ReadAsByteArrayAsync(Http.Ct))).ShouldBe(portal.Reports[0].Sha256);
        portal.Log.Entries[0].ShouldSatisfyAllConditions(e => e.Fault.ShouldBe(FaultKind.Reset), e => e.Status.ShouldBe(0), e => e.BytesSent.ShouldBe(0));
    }

    [Fact]
    public async Task A_truncated_body_is_shorter_than_its_content_length_and_the_retry_is_whole()
    {
        await using var portal = await Portals.StartAsync(corpus, new FaultOptions { TruncateShare = 1 });
        using var http = Http.Client();
        var report = portal.Reports.First(r => r.Layout == Layouts.Docx);

        using var first = await http.GetAsync(report.DocumentUrl, HttpCompletionOption.ResponseHeadersRead, Http.Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var declared = first.Content.Headers.ContentLength!.Value;
        var received = 0L;
        var buffer = new byte[8192];
        await using var stream = await first.Content.ReadAsStreamAsync(Http.Ct);
        await Should.ThrowAsync<IOException>(async () =>
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, Http.Ct)) > 0) received += n;
        });
        received.ShouldBeLessThan(declared);
        received.ShouldBe(declared / 2);

        using var retry = await http.GetAsync(report.DocumentUrl, Http.Ct);
        Convert.ToHexStringLower(SHA256.HashData(await retry.Content.ReadAsByteArrayAsync(Http.Ct))).ShouldBe(report.Sha256);
    }

    [Fact]
    public async Task Wrong_content_types_stay_wrong_on_attachments_only_and_the_bytes_stay_right()
    {
        await using var portal = await Portals.StartAsync(corpus, new FaultOptions { WrongContentTypeShare = 1 });
        using var http = Http.Client();

        var attachments = portal.Reports.Where(r => r.Layout == Layouts.Docx).ToList();
        attachments.ShouldAllBe(r => r.DocumentFault == FaultKind.WrongContentType && r.ArticleFault == FaultKind.None);
        var seen = new HashSet<string>();
        foreach (var r in attachments)
        {
            for (var i = 0; i < 2; i++)
            {
                using var response = await http.GetAsync(r.DocumentUrl, Http.Ct);
                var type = response.Content.Headers.ContentType!.MediaType!;
                type.ShouldBeOneOf("application/octet-stream", "text/html");
                seen.Add(type);
                Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync(Http.Ct))).ShouldBe(r.Sha256);
            }
        }

        seen.Count.ShouldBe(2, "both wrong types occur");
        using var article = await http.GetAsync(attachments[0].ArticleUrl, Http.Ct);
        article.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task Not_found_articles_stay_404_while_their_columns_still_list_them()
    {
        await using var portal = await Portals.StartAsync(corpus, new FaultOptions { NotFoundShare = 1 });
        using var http = Http.Client();

        portal.Reports.ShouldAllBe(r => r.Gone);
        var links = await ColumnReader.ReadAsync(http, portal.Sites[0]);
        var r0 = portal.Reports.First(r => r.Site.Index == 0);
        links.ShouldContain(l => l.Url == r0.ArticleUrl);
        for (var i = 0; i < 3; i++) (await http.GetAsync(r0.ArticleUrl, Http.Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetAsync(new Uri(r0.Site.BaseUri, "/robots.txt"), Http.Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Redirect_items_loop_lead_to_a_listed_report_or_leave_the_host()
    {
        await using var portal = await Portals.StartAsync(corpus, new FaultOptions { RedirectLoop = true });
        using var http = Http.Client();

        foreach (var site in portal.Sites)
        {
            var links = await ColumnReader.ReadAsync(http, site);
            var loop = links.Single(l => l.Url.AbsolutePath == "/redirect/loop");
            var goes = links.Where(l => l.Url.AbsolutePath == "/go").ToList();
            goes.Count.ShouldBe(2);
            new[] { loop }.Concat(goes).ShouldAllBe(l => l.Page == (site.Cms == CmsStyle.Trs ? 0 : 1), "the newest items, on the first page");

            using var hop1 = await http.GetAsync(loop.Url, Http.Ct);
            hop1.StatusCode.ShouldBe(HttpStatusCode.Found);
            var next = new Uri(loop.Url, hop1.Headers.Location!);
            next.AbsolutePath.ShouldBe("/redirect/loop-back");
            using var hop2 = await http.GetAsync(next, Http.Ct);
            new Uri(next, hop2.Headers.Location!).ShouldBe(loop.Url);

            var resolved = new List<(ListedLink Link, Uri Target)>();
            foreach (var go in goes)
            {
                using var response = await http.GetAsync(go.Url, Http.Ct);
                response.StatusCode.ShouldBe(HttpStatusCode.Found);
                resolved.Add((go, new Uri(go.Url, response.Headers.Location!)));
            }

            var inside = resolved.Single(g => g.Target.Port == site.Port);
            var report = portal.Reports.Single(r => r.ArticleUrl == inside.Target);
            inside.Link.Title.ShouldBe(report.Title);
            links.Count(l => l.Url == inside.Target).ShouldBe(1, "the report is also listed directly");
            var outside = resolved.Single(g => g.Target.Port != site.Port);
            outside.Target.Host.ShouldBe("198.51.100.7");
            portal.FaultAt(outside.Link.Url).ShouldBe(FaultKind.OffHostRedirect);
            portal.FaultAt(loop.Url).ShouldBe(FaultKind.RedirectLoop);
        }

        using var following = Http.Client(followRedirects: true);
        var before = portal.Log.Count;
        using var looped = await following.GetAsync(new Uri(portal.Sites[0].BaseUri, "/redirect/loop"), Http.Ct);
        looped.StatusCode.ShouldBe(HttpStatusCode.Found, "a client that follows gives up with the last redirect");
        portal.Log.Entries.Skip(before).ShouldAllBe(e => e.Fault == FaultKind.RedirectLoop && e.Status == 302);
        (portal.Log.Count - before).ShouldBe(6, "the first request and five redirects followed");
    }

    [Fact]
    public async Task Faults_depend_on_the_seed_and_path_only()
    {
        var options = new FaultOptions { ServerErrorShare = 0.2, TooManyRequestsShare = 0.1, ResetShare = 0.1, NotFoundShare = 0.1, WrongContentTypeShare = 0.3 };
        await using var a = await Portals.StartAsync(corpus, options, seed: 5);
        await using var b = await Portals.StartAsync(corpus, options, seed: 5);
        await using var c = await Portals.StartAsync(corpus, options, seed: 6);

        string Faults(SamplePortal p) => string.Join(' ', p.Reports.Select(r => $"{r.ArticleFault}/{r.DocumentFault}"));
        Faults(a).ShouldBe(Faults(b));
        Faults(a).ShouldNotBe(Faults(c));
        a.Reports.Select(r => r.ArticleFault).Distinct().Count().ShouldBeGreaterThan(2);
    }
}
