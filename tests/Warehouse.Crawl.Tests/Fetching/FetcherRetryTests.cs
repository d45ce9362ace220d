using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace Warehouse.Crawl.Tests.Fetching;

public sealed class FetcherRetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Retries_503_and_returns_the_page_that_follows()
    {
        var calls = 0;
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/page", () =>
            Interlocked.Increment(ref calls) <= 2 ? Results.StatusCode(503) : Results.Text("ok")), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/page"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Ok, result.Reason);
        result.Bytes.ShouldBe("ok"u8.ToArray());
        result.Attempts.ShouldBe(3);
        result.Reason.ShouldBeNull();
        portal.HitsTo("/page").Count.ShouldBe(3);
    }

    [Fact]
    public async Task Gives_up_after_MaxRetries_naming_the_status_and_the_attempts()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/page", () => Results.StatusCode(503)), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/page"), Fast.Policy(portal.Host()) with { MaxRetries = 2 }, null, Ct);

        result.Status.ShouldBe(FetchStatus.Failed);
        result.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        result.Reason.ShouldBe("503 Service Unavailable after 3 attempts");
        result.Attempts.ShouldBe(3);
        portal.HitsTo("/page").Count.ShouldBe(3);
    }

    [Fact]
    public async Task Does_not_retry_a_404()
    {
        await using var portal = await TestPortal.StartAsync(_ => { }, Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/missing"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Failed);
        result.Reason.ShouldBe("404 Not Found");
        result.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Waits_at_least_the_seconds_of_Retry_After_on_429()
    {
        var calls = 0;
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/page", (HttpResponse response) =>
        {
            if (Interlocked.Increment(ref calls) > 1) return Results.Text("ok");
            response.Headers.RetryAfter = "1";
            return Results.StatusCode(429);
        }), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/page"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Ok, result.Reason);
        var hits = portal.HitsTo("/page");
        hits.Count.ShouldBe(2);
        Fast.Millis(hits[0].Timestamp, hits[1].Timestamp).ShouldBeGreaterThanOrEqualTo(1000);
    }

    [Fact]
    public async Task Waits_until_the_date_of_Retry_After()
    {
        var calls = 0;
        DateTimeOffset asked = default;
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/page", (HttpResponse response) =>
        {
            if (Interlocked.Increment(ref calls) > 1) return Results.Text("ok");
            asked = TimeProvider.System.GetUtcNow().AddSeconds(2);
            // HTTP dates have whole seconds: the date the client reads is what it must wait for.
            response.Headers.RetryAfter = asked.ToString("r", CultureInfo.InvariantCulture);
            asked = DateTimeOffset.Parse(response.Headers.RetryAfter!, CultureInfo.InvariantCulture);
            return Results.StatusCode(503);
        }), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/page"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Ok, result.Reason);
        portal.HitsTo("/page")[1].At.ShouldBeGreaterThanOrEqualTo(asked);
    }

    [Fact]
    public async Task Gives_up_at_once_when_Retry_After_reaches_past_the_total_timeout()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/page", (HttpResponse response) =>
        {
            response.Headers.RetryAfter = "3600";
            return Results.StatusCode(429);
        }), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/page"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Failed);
        result.Attempts.ShouldBe(1);
        result.Reason.ShouldBe("429 Too Many Requests after 1 attempt; the server asked to wait 1 h, longer than the total timeout of 20 s leaves");
    }

    [Fact]
    public async Task Retries_a_connection_reset_before_the_answer()
    {
        var calls = 0;
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/page", (HttpContext context) =>
        {
            if (Interlocked.Increment(ref calls) > 1) return Results.Text("ok");
            context.Abort();
            return Results.Empty;
        }), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/page"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Ok, result.Reason);
        result.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Retries_a_body_cut_off_before_its_Content_Length()
    {
        var calls = 0;
        var whole = new byte[1000];
        Random.Shared.NextBytes(whole);
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/file", async (HttpContext context) =>
        {
            context.Response.ContentLength = whole.Length;
            if (Interlocked.Increment(ref calls) > 1)
            {
                await context.Response.Body.WriteAsync(whole);
                return;
            }

            await context.Response.Body.WriteAsync(whole.AsMemory(0, 500));
            await BreakOffAsync(context);
        }), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/file"), Fast.Policy(portal.Host()), null, Ct);

        result.Status.ShouldBe(FetchStatus.Ok, result.Reason);
        result.Bytes.ShouldBe(whole);
        result.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Reports_a_body_that_always_breaks_off()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/file", async (HttpContext context) =>
        {
            context.Response.ContentLength = 1000;
            await context.Response.Body.WriteAsync(new byte[10]);
            await BreakOffAsync(context);
        }), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);

        var result = await fetcher.FetchAsync(portal.Url("/file"), Fast.Policy(portal.Host()) with { MaxRetries = 1 }, null, Ct);

        result.Status.ShouldBe(FetchStatus.Failed);
        result.Reason.ShouldStartWith($"the answer from {portal.Host()} broke off (");
        result.Reason.ShouldEndWith(") after 2 attempts");
    }

    [Fact]
    public async Task Retries_an_attempt_that_times_out()
    {
        var calls = 0;
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/slow-once", async (HttpContext context) =>
        {
            if (Interlocked.Increment(ref calls) == 1) await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            return Results.Text("ok");
        }), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);
        var policy = Fast.Policy(portal.Host()) with { AttemptTimeout = TimeSpan.FromMilliseconds(300) };

        var result = await fetcher.FetchAsync(portal.Url("/slow-once"), policy, null, Ct);

        result.Status.ShouldBe(FetchStatus.Ok, result.Reason);
        result.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Attempts_that_all_time_out_end_in_a_timeout()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/slow", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            return Results.Text("late");
        }), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);
        var policy = Fast.Policy(portal.Host()) with { AttemptTimeout = TimeSpan.FromMilliseconds(200), MaxRetries = 1 };

        var result = await fetcher.FetchAsync(portal.Url("/slow"), policy, null, Ct);

        result.Status.ShouldBe(FetchStatus.Failed);
        result.StatusCode.ShouldBeNull();
        result.Reason.ShouldBe("timed out after 2 attempts of 200 ms each");
    }

    [Fact]
    public async Task The_total_timeout_ends_the_retries()
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/slow", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            return Results.Text("late");
        }), Ct);
        await using var fetcher = Fetcher.Create(Fast.Options);
        var policy = Fast.Policy(portal.Host()) with
        {
            AttemptTimeout = TimeSpan.FromMilliseconds(200),
            TotalTimeout = TimeSpan.FromMilliseconds(700),
            MaxRetries = 10,
        };

        var result = await fetcher.FetchAsync(portal.Url("/slow"), policy, null, Ct);

        result.Status.ShouldBe(FetchStatus.Failed);
        result.Reason.ShouldStartWith($"no answer from {portal.Host()} within the total timeout of 700 ms (");
        result.Attempts.ShouldBeLessThan(5);
    }

    [Fact]
    public async Task A_host_that_keeps_failing_trips_its_circuit_breaker_and_gets_no_more_requests()
    {
        await using var portal = await TestPortal.StartAsync(app =>
        {
            foreach (var path in new[] { "/a", "/b", "/c" }) app.MapGet(path, () => Results.StatusCode(503));
        }, Ct);
        var options = Fast.Options with
        {
            BreakerMinimumThroughput = 4,
            BreakerFailureRatio = 0.5,
            BreakerSamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(30),
        };
        await using var fetcher = Fetcher.Create(options);
        var policy = Fast.Policy(portal.Host()) with { MaxRetries = 1 };

        await fetcher.FetchAsync(portal.Url("/a"), policy, null, Ct);
        await fetcher.FetchAsync(portal.Url("/b"), policy, null, Ct);
        var result = await fetcher.FetchAsync(portal.Url("/c"), policy, null, Ct);

        result.Status.ShouldBe(FetchStatus.Failed);
        result.Reason!.ShouldStartWith($"requests to {portal.Host()} are paused after repeated failures (its circuit breaker is open");
        result.Attempts.ShouldBe(0);
        portal.HitsTo("/c").ShouldBeEmpty();
    }

    /// <summary>
    /// Sends what was written, then resets the connection. The pause lets the client read the headers first:
    /// a reset discards whatever the client has not read yet, which would make this a reset before the answer.
    /// </summary>
    private static async Task BreakOffAsync(HttpContext context)
    {
        await context.Response.Body.FlushAsync();
        await Task.Delay(200);
        context.Abort();
    }
}
