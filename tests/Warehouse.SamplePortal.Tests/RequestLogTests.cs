using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Shouldly;

namespace Warehouse.SamplePortal.Tests;

public sealed class RequestLogTests(TestCorpus corpus) : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("sample-portal-log-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public async Task Every_request_is_logged_with_its_headers_status_bytes_and_times()
    {
        await using var portal = await Portals.StartAsync(corpus, new FaultOptions { NotFoundShare = 0 });
        using var http = Http.Client();
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("WarehouseCrawler", "1.0"));
        var site = portal.Sites[1];
        var report = portal.Reports.First(r => r.Site == site);

        var start = TimeProvider.System.GetUtcNow();
        using var page = await http.GetAsync(new Uri(site.ListUri, "?uid=1&pageNum=2"), Http.Ct);
        var length = (await page.Content.ReadAsByteArrayAsync(Http.Ct)).Length;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, report.ArticleUrl) { Headers = { IfNoneMatch = { new EntityTagHeaderValue("\"abc\"") } } };
        conditional.Headers.TryAddWithoutValidation("If-Modified-Since", "Mon, 15 Jan 2024 01:30:00 GMT");
        (await http.SendAsync(conditional, Http.Ct)).Dispose();
        (await http.GetAsync(new Uri(site.BaseUri, "/nothing/here.html"), Http.Ct)).Dispose();

        var log = portal.Log.Entries;
        log.Count.ShouldBe(3);
        log[0].ShouldSatisfyAllConditions(
            e => e.Site.ShouldBe(1),
            e => e.Port.ShouldBe(site.Port),
            e => e.Method.ShouldBe("GET"),
            e => e.PathAndQuery.ShouldBe($"{site.ListUri.AbsolutePath}?uid=1&pageNum=2"),
            e => e.UserAgent.ShouldBe("WarehouseCrawler/1.0"),
            e => e.Status.ShouldBe(200),
            e => e.BytesSent.ShouldBe(length),
            e => e.Attempt.ShouldBe(1),
            e => e.Fault.ShouldBe(FaultKind.None),
            e => e.Received.ShouldBeGreaterThanOrEqualTo(start.AddSeconds(-1)),
            e => e.Responded.ShouldBeGreaterThanOrEqualTo(e.Received),
            e => e.Received.Offset.ShouldBe(TimeSpan.Zero));
        log[1].IfNoneMatch.ShouldBe("\"abc\"");
        log[1].IfModifiedSince.ShouldBe("Mon, 15 Jan 2024 01:30:00 GMT");
        log[1].Status.ShouldBe(200, "the tag does not match, so the date is not looked at");
        log[2].Status.ShouldBe(404);
        log.Select(e => e.Received).ShouldBeInOrder();
    }

    [Fact]
    public async Task The_log_writes_one_json_object_per_line()
    {
        await using var portal = await Portals.StartAsync(corpus);
        using var http = Http.Client();
        for (var i = 0; i < 3; i++) (await http.GetAsync(portal.Sites[i].ListUri, Http.Ct)).Dispose();

        var path = Path.Combine(_temp.FullName, "nested", "requests.jsonl");
        portal.Log.WriteJsonLines(path);

        var lines = await File.ReadAllLinesAsync(path, Http.Ct);
        lines.Length.ShouldBe(3);
        var first = JsonNode.Parse(lines[0])!.AsObject();
        first["path_and_query"]!.GetValue<string>().ShouldBe(portal.Sites[0].ListUri.AbsolutePath);
        first["fault"]!.GetValue<string>().ShouldBe("none");
        first["status"]!.GetValue<int>().ShouldBe(200);
        first["received"]!.GetValue<string>().ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?\+00:00$");
        Directory.GetFiles(Path.GetDirectoryName(path)!).ShouldBe([path]);
    }
}
