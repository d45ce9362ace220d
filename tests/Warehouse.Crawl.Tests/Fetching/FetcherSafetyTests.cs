using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace Warehouse.Crawl.Tests.Fetching;

public sealed class FetcherSafetyTests
{
    private const int Megabyte = 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_host_the_source_does_not_allow_is_refused_without_a_request()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/page", () => "page"), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/page"), Fast.Policy("www.example.gov.cn"), null, Ct);

        result.Status.ShouldBe(FetchStatus.Refused);
        result.Reason.ShouldBe($"host {portal.Host()} is not allowed by the source");
        portal.Hits.ShouldBeEmpty();
    }

    [Fact]
    public async Task Only_http_and_https_are_fetched()
    {
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(new Uri("file:///etc/passwd"), Fast.Policy("localhost"), null, Ct);

        result.Status.ShouldBe(FetchStatus.Refused);
        result.Reason.ShouldBe("only http and https URLs are fetched, not file:");
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task A_name_that_resolves_to_a_private_address_is_refused_when_connecting(string host)
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/page", () => "page"), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);
        var hostKey = $"{host}:{portal.Ports[0]}";
        var policy = Fast.Policy(hostKey) with { AllowPrivateAddresses = false };

        var result = await fetcher.FetchAsync(new Uri($"http://{hostKey}/page"), policy, null, Ct);

        result.Status.ShouldBe(FetchStatus.Refused);
        result.Reason.ShouldStartWith($"host {host} resolves to ");
        result.Reason.ShouldContain("loopback 127.0.0.1");
        result.Reason.ShouldEndWith(", which only a local test source may reach");
        portal.Hits.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_body_whose_Content_Length_is_over_the_limit_is_refused_before_reading()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/big.pdf", () => Results.Bytes(new byte[2 * Megabyte], "application/pdf")), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/big.pdf"), Fast.Policy(portal.Host()) with { MaxBodyBytes = Megabyte }, null, Ct);

        result.Status.ShouldBe(FetchStatus.Refused);
        result.Reason.ShouldBe("the body is 2 MB (Content-Length), over the limit of 1 MB");
        result.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_while_reading()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/endless", async (HttpContext context) =>
        {
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < 64 && !context.RequestAborted.IsCancellationRequested; i++) await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
        }), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/endless"), Fast.Policy(portal.Host()) with { MaxBodyBytes = Megabyte }, null, Ct);

        result.Status.ShouldBe(FetchStatus.Refused);
        result.Reason.ShouldBe("the body is over the limit of 1 MB (counted while reading; no Content-Length said so)");
    }

    [Fact]
    public async Task A_gzip_bomb_is_stopped_at_the_decompressed_limit()
    {
        var bomb = Compress(new byte[32 * Megabyte], s => new GZipStream(s, CompressionLevel.SmallestSize));
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/bomb", (HttpContext context) =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(bomb, "text/html");
        }), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/bomb"), Fast.Policy(portal.Host()) with { MaxDecompressedBytes = Megabyte }, null, Ct);

        result.Status.ShouldBe(FetchStatus.Refused);
        result.Reason.ShouldStartWith("the gzip body decompresses to more than the limit of 1 MB (it is ");
        bomb.Length.ShouldBeLessThan(Megabyte);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    [InlineData("deflate-raw")]
    public async Task Compressed_bodies_are_decompressed(string coding)
    {
        var page = "<html><body>政府信息公开工作年度报告</body></html>"u8.ToArray();
        var encoded = coding switch
        {
            "gzip" => Compress(page, s => new GZipStream(s, CompressionLevel.Optimal)),
            "br" => Compress(page, s => new BrotliStream(s, CompressionLevel.Optimal)),
            "deflate" => Compress(page, s => new ZLibStream(s, CompressionLevel.Optimal)),
            _ => Compress(page, s => new DeflateStream(s, CompressionLevel.Optimal)),
        };
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/page", (HttpContext context) =>
        {
            context.Response.Headers.ContentEncoding = coding == "deflate-raw" ? "deflate" : coding;
            return Results.Bytes(encoded, "text/html; charset=utf-8");
        }), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/page"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Ok, result.Reason);
        result.Bytes.ShouldBe(page);
        result.ContentType.ShouldBe("text/html");
        result.Charset.ShouldBe("utf-8");
        portal.HitsTo("/page")[0].Header("Accept-Encoding").ShouldBe("gzip, deflate, br");
    }

    private static byte[] Compress(byte[] data, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output)) stream.Write(data);
        return output.ToArray();
    }
}
