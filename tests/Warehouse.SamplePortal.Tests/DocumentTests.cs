using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Shouldly;
using Warehouse.Corpus;

namespace Warehouse.SamplePortal.Tests;

public sealed class DocumentTests(TestCorpus corpus)
{
    [Fact]
    public async Task Every_document_is_the_corpus_file_byte_for_byte_with_its_content_type()
    {
        await using var portal = await Portals.StartAsync(corpus);
        using var http = Http.Client();

        foreach (var r in portal.Reports)
        {
            var entry = corpus.Manifest.Entries[r.CorpusIndex];
            var file = await File.ReadAllBytesAsync(Path.Combine(corpus.Directory, entry.File), Http.Ct);
            r.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(file)));
            r.ExpectedJsonPath.ShouldBe(Path.Combine(corpus.Directory, entry.ExpectedFile));

            using var response = await http.GetAsync(r.DocumentUrl, Http.Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, r.DocumentUrl.ToString());
            Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync(Http.Ct))).ShouldBe(r.Sha256, r.DocumentUrl.ToString());
            response.Content.Headers.ContentType!.MediaType.ShouldBe(r.Layout switch
            {
                Layouts.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Layouts.Pdf => "application/pdf",
                _ => "text/html",
            });
            if (r.Layout is Layouts.HtmlTrs or Layouts.HtmlHanwebGbk) r.DocumentUrl.ShouldBe(r.ArticleUrl);
        }
    }

    [Fact]
    public async Task Attachment_articles_link_their_document_in_each_style()
    {
        await using var portal = await Portals.StartAsync(corpus);
        using var http = Http.Client();
        var parser = new HtmlParser();

        foreach (var r in portal.Reports.Where(r => r.Layout == Layouts.Docx))
        {
            using var response = await http.GetAsync(r.ArticleUrl, Http.Ct);
            var html = await Http.TextAsync(response, r.Site.Cms == CmsStyle.Trs ? System.Text.Encoding.UTF8 : Http.Gbk);
            var container = parser.ParseDocument(html).QuerySelector(r.Site.Cms == CmsStyle.Trs ? "div.TRS_Editor" : "div#zoom")!;
            var link = container.QuerySelectorAll("a").Single();
            new Uri(r.ArticleUrl, link.GetAttribute("href")!).ShouldBe(r.DocumentUrl);
            link.TextContent.ShouldBe($"{r.Title}.docx");
            if (r.Site.Cms == CmsStyle.Trs)
            {
                link.GetAttribute("href")!.ShouldMatch(@"^\./P0\d{14}\.docx$");
            }
            else
            {
                r.DocumentUrl.PathAndQuery.ShouldMatch(@"^/module/download/downfile\.jsp\?classid=0&filename=[0-9a-f]{32}\.docx$");
                r.ArticleUrl.AbsolutePath.ShouldMatch($@"^/art/{r.Posted.Year}/{r.Posted.Month}/{r.Posted.Day}/art_\d+_\d+\.html$");
            }
        }
    }

    [Fact]
    public async Task Trs_articles_show_half_their_pdfs_in_a_viewer_whose_file_is_the_document()
    {
        // PDFs need LibreOffice to generate: the test corpus's Word reports served as PDFs (the portal reads only their titles).
        var folder = Directory.CreateTempSubdirectory("sample-portal-pdfs-");
        try
        {
            var entries = corpus.Manifest.Entries.Where(e => e.Layout == Layouts.Docx).Take(20).Select((e, i) => (Entry: e, Index: i)).ToList();
            foreach (var (e, i) in entries)
            {
                File.Copy(Path.Combine(corpus.Directory, e.ExpectedFile), Path.Combine(folder.FullName, $"{i:D5}.expected.json"));
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"{i:D5}.pdf"), $"%PDF-1.4\n% report {i}\n", Http.Ct);
            }

            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "manifest.json"), System.Text.Json.JsonSerializer.Serialize(
                entries.Select(x => new { index = x.Index, layout = Layouts.Pdf, file = $"{x.Index:D5}.pdf", expected = $"{x.Index:D5}.expected.json" })), Http.Ct);
            await ShowsHalfInAViewerAsync(folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task ShowsHalfInAViewerAsync(string folder)
    {
        await using var portal = await SamplePortal.StartAsync(new SamplePortalOptions(folder, 3, 7, null, 1), Http.Ct);
        using var http = Http.Client();
        var parser = new HtmlParser();
        var framed = 0;
        var pdfs = portal.Reports.Where(r => r.Layout == Layouts.Pdf && r.Site.Cms == CmsStyle.Trs).ToList();
        foreach (var r in pdfs)
        {
            using var response = await http.GetAsync(r.ArticleUrl, Http.Ct);
            var container = parser.ParseDocument(await Http.TextAsync(response, System.Text.Encoding.UTF8)).QuerySelector("div.TRS_Editor")!;
            if (container.QuerySelector("iframe") is not { } frame)
            {
                new Uri(r.ArticleUrl, container.QuerySelectorAll("a").Single().GetAttribute("href")!).ShouldBe(r.DocumentUrl);
                continue;
            }

            framed++;
            container.QuerySelectorAll("a").ShouldBeEmpty();
            var viewer = new Uri(r.ArticleUrl, frame.GetAttribute("src")!);
            viewer.AbsolutePath.ShouldBe(Warehouse.SamplePortal.Content.TrsStyle.PdfViewer);
            var file = System.Web.HttpUtility.ParseQueryString(viewer.Query)["file"]!;
            new Uri(viewer, file).ShouldBe(r.DocumentUrl);
        }

        framed.ShouldBeInRange(1, pdfs.Count - 1);
    }

    [Fact]
    public async Task Hanweb_downloads_name_the_file_only_in_content_disposition()
    {
        await using var portal = await Portals.StartAsync(corpus);
        using var http = Http.Client();
        var r = portal.Reports.First(r => r.Site.Cms == CmsStyle.Hanweb && r.Layout == Layouts.Docx);

        using var response = await http.GetAsync(r.DocumentUrl, Http.Ct);
        var raw = response.Content.Headers.GetValues("Content-Disposition").Single();
        raw.ShouldStartWith("attachment; filename*=UTF-8''%");
        var disposition = ContentDispositionHeaderValue.Parse(raw);
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldBe($"{r.Title}.docx");
    }

    [Fact]
    public async Task A_strong_etag_or_the_last_modified_date_gets_304_with_no_body()
    {
        await using var portal = await Portals.StartAsync(corpus);
        using var http = Http.Client();
        Uri[] urls = [.. portal.Sites.Select(s => s.ListUri), .. portal.Reports.Take(6).SelectMany(r => new[] { r.ArticleUrl, r.DocumentUrl }).Distinct()];

        foreach (var url in urls)
        {
            using var first = await http.GetAsync(url, Http.Ct);
            var etag = first.Headers.ETag!;
            etag.IsWeak.ShouldBeFalse();
            etag.Tag.ShouldMatch("^\"[0-9a-f]{32}\"$");
            var lastModified = first.Content.Headers.LastModified!.Value;

            using var byTag = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { IfNoneMatch = { etag } } };
            using var notModified = await http.SendAsync(byTag, Http.Ct);
            notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified, url.ToString());
            (await notModified.Content.ReadAsByteArrayAsync(Http.Ct)).ShouldBeEmpty();
            notModified.Headers.ETag.ShouldBe(etag);

            using var byDate = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { IfModifiedSince = lastModified } };
            (await http.SendAsync(byDate, Http.Ct)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

            using var older = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { IfModifiedSince = lastModified.AddDays(-1) } };
            (await http.SendAsync(older, Http.Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

            // The tag decides when both are sent.
            using var otherTag = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { IfNoneMatch = { new EntityTagHeaderValue("\"0123\"") }, IfModifiedSince = lastModified } };
            (await http.SendAsync(otherTag, Http.Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Unknown_paths_answer_404_and_other_methods_405()
    {
        await using var portal = await Portals.StartAsync(corpus);
        using var http = Http.Client();

        (await http.GetAsync(new Uri(portal.Sites[0].BaseUri, "/zwgk/ndbg/index_99.html"), Http.Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetAsync(new Uri(portal.Sites[1].ListUri, "?pageNum=99"), Http.Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var post = await http.PostAsync(portal.Sites[0].ListUri, new StringContent(""), Http.Ct);
        post.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, portal.Reports[0].DocumentUrl), Http.Ct);
        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        head.Content.Headers.ContentLength.ShouldBe(new FileInfo(Path.Combine(corpus.Directory, corpus.Manifest.Entries[portal.Reports[0].CorpusIndex].File)).Length);
    }
}
