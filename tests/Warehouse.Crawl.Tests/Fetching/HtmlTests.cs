using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Warehouse.Parsing.Text;

namespace Warehouse.Crawl.Tests.Fetching;

public sealed class HtmlTests
{
    private const string Title = "2023年政府信息公开工作年度报告";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Decodes_with_the_charset_of_the_Content_Type()
    {
        var gbk = TextDecoding.Gb18030.GetBytes($"<html><body><h1>{Title}</h1></body></html>");
        var result = await FetchAsync(gbk, "text/html; charset=GBK");

        result.Charset.ShouldBe("GBK");
        Html.Decode(result).ShouldContain(Title);
    }

    [Fact]
    public async Task Decodes_with_the_meta_charset_when_the_header_names_none()
    {
        var gbk = TextDecoding.Gb18030.GetBytes($"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><h1>{Title}</h1></body></html>");
        var result = await FetchAsync(gbk, "text/html");

        result.Charset.ShouldBeNull();
        Html.Decode(result).ShouldContain(Title);
    }

    [Fact]
    public void Decoding_a_fetch_that_has_no_body_is_a_clear_error()
    {
        var result = new FetchResult { Url = new Uri("http://a.example/"), FinalUrl = new Uri("http://a.example/"), Status = FetchStatus.NotModified, Reason = "304 Not Modified" };

        Should.Throw<InvalidOperationException>(() => Html.Decode(result)).Message
            .ShouldBe("The fetch of http://a.example/ ended NotModified (304 Not Modified); there is no body to decode.");
    }

    private static async Task<FetchResult> FetchAsync(byte[] body, string contentType)
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/report.html", () => Results.Bytes(body, contentType)), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);
        var result = await fetcher.FetchAsync(portal.Url("/report.html"), Fast.Policy(portal.Host()), null, Ct);
        result.Status.ShouldBe(FetchStatus.Ok, result.Reason);
        return result;
    }
}
