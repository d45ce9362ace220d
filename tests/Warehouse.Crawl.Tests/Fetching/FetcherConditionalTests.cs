using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace Warehouse.Crawl.Tests.Fetching;

public sealed class FetcherConditionalTests
{
    private static readonly DateTimeOffset Published = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unchanged_page_answers_304_to_its_ETag_and_has_no_body()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/report", (HttpContext context) =>
        {
            context.Response.Headers.ETag = "\"v1\"";
            context.Response.Headers.LastModified = Published.ToString("r");
            return context.Request.Headers.IfNoneMatch == "\"v1\"" ? Results.StatusCode(304) : Results.Text("report");
        }), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);
        var policy = Fast.Policy(portal.Host());

        var first = await fetcher.FetchAsync(portal.Url("/report"), policy, null, Ct);
        var second = await fetcher.FetchAsync(portal.Url("/report"), policy, first.Validators, Ct);

        first.Status.ShouldBe(FetchStatus.Ok);
        first.Validators.ShouldBe(new Validators("\"v1\"", Published));
        second.Status.ShouldBe(FetchStatus.NotModified);
        second.Bytes.ShouldBeEmpty();
        second.Validators.ShouldBe(first.Validators);
        var sent = portal.HitsTo("/report")[1];
        sent.Header("If-None-Match").ShouldBe("\"v1\"");
        sent.Header("If-Modified-Since").ShouldBe(Published.ToString("r"));
    }

    [Fact]
    public async Task A_304_without_validators_keeps_the_previous_ones()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/report", (HttpContext context) =>
            context.Request.Headers.IfModifiedSince.Count > 0 ? Results.StatusCode(304) : Results.Text("report")), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);
        var previous = new Validators(null, Published);

        var result = await fetcher.FetchAsync(portal.Url("/report"), Fast.Policy(portal.Host()), previous, Ct);

        result.Status.ShouldBe(FetchStatus.NotModified);
        result.Validators.ShouldBe(previous);
    }

    [Fact]
    public async Task An_unquoted_ETag_is_sent_back_as_the_server_wrote_it()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/report", (HttpContext context) =>
        {
            context.Response.Headers.ETag = "5f3a-19c";
            return Results.Text("report");
        }), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);
        var policy = Fast.Policy(portal.Host());

        var first = await fetcher.FetchAsync(portal.Url("/report"), policy, null, Ct);
        await fetcher.FetchAsync(portal.Url("/report"), policy, first.Validators, Ct);

        first.Validators!.ETag.ShouldBe("5f3a-19c");
        portal.HitsTo("/report")[1].Header("If-None-Match").ShouldBe("5f3a-19c");
    }
}
