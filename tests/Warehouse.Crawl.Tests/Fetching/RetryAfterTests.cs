using System.Net;
using System.Net.Http.Headers;
using Shouldly;

namespace Warehouse.Crawl.Tests.Fetching;

public sealed class RetryAfterTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly DateTimeOffset ServerNow = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Seconds_are_taken_as_they_are()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(120));

        RetryAfter.Of(response, TimeProvider.System).ShouldBe(TimeSpan.FromSeconds(120));
    }

    [Fact]
    public void A_date_is_measured_from_the_servers_own_Date_header()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.Date = ServerNow;
        response.Headers.RetryAfter = new RetryConditionHeaderValue(ServerNow.AddSeconds(30));

        // The crawler's clock runs 20 s ahead of the portal's; the wait is still the 30 s asked for.
        RetryAfter.Of(response, new FixedClock(ServerNow.AddSeconds(20))).ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void A_date_without_a_Date_header_is_measured_from_the_crawlers_clock_and_a_past_one_is_no_wait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(ServerNow.AddSeconds(30));

        RetryAfter.Of(response, new FixedClock(ServerNow)).ShouldBe(TimeSpan.FromSeconds(30));
        RetryAfter.Of(response, new FixedClock(ServerNow.AddMinutes(1))).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void No_header_is_no_wait_asked()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        RetryAfter.Of(response, TimeProvider.System).ShouldBeNull();
    }
}
