using Shouldly;

namespace Warehouse.SamplePortal.Tests;

public sealed class FaultPlanTests
{
    private static readonly string[] Paths = Enumerable.Range(0, 20_000).Select(i => $"/zwgk/ndbg/202401/t20240115_{i:D6}.html").ToArray();

    [Fact]
    public void No_fault_is_played_by_default()
    {
        var plan = new FaultPlan(FaultOptions.None, 1);
        foreach (var kind in Enum.GetValues<ResourceKind>())
        {
            Paths.Take(500).ShouldAllBe(p => plan.FaultOf(0, p, kind) == FaultKind.None);
        }
    }

    [Fact]
    public void Each_share_is_about_the_part_of_eligible_urls_that_carry_the_fault()
    {
        var options = new FaultOptions { NotFoundShare = 0.1, ServerErrorShare = 0.2, TooManyRequestsShare = 0.05, SlowShare = 0.05, ResetShare = 0.05, TruncateShare = 0.05, WrongContentTypeShare = 0.3 };
        var plan = new FaultPlan(options, 3);

        var articles = Paths.GroupBy(p => plan.FaultOf(0, p, ResourceKind.Article)).ToDictionary(g => g.Key, g => g.Count() / (double)Paths.Length);
        articles[FaultKind.NotFound].ShouldBe(0.1, 0.01);
        articles[FaultKind.ServerError].ShouldBe(0.2, 0.01);
        articles[FaultKind.Reset].ShouldBe(0.05, 0.01);
        articles.ShouldNotContainKey(FaultKind.WrongContentType);

        var attachments = Paths.GroupBy(p => plan.FaultOf(0, p, ResourceKind.Attachment)).ToDictionary(g => g.Key, g => g.Count() / (double)Paths.Length);
        attachments[FaultKind.WrongContentType].ShouldBe(0.3, 0.015);
        attachments.ShouldNotContainKey(FaultKind.NotFound);

        // A list page never fails for good, or the column behind it would be lost.
        var lists = Paths.Select(p => plan.FaultOf(0, p, ResourceKind.ListPage)).ToHashSet();
        lists.ShouldBeSubsetOf([FaultKind.None, FaultKind.ServerError, FaultKind.TooManyRequests, FaultKind.Slow, FaultKind.Reset, FaultKind.Truncate]);
        Paths.ShouldAllBe(p => plan.FaultOf(0, p, ResourceKind.Fixed) == FaultKind.None);
    }

    [Fact]
    public void The_same_seed_site_and_path_give_the_same_fault_and_other_ones_differ()
    {
        var options = new FaultOptions { ServerErrorShare = 0.5 };
        var a = new FaultPlan(options, 1);
        var b = new FaultPlan(options, 1);
        var c = new FaultPlan(options, 2);

        Paths.Take(1000).ShouldAllBe(p => a.FaultOf(0, p, ResourceKind.Article) == b.FaultOf(0, p, ResourceKind.Article));
        Paths.Take(1000).Count(p => a.FaultOf(0, p, ResourceKind.Article) != c.FaultOf(0, p, ResourceKind.Article)).ShouldBeGreaterThan(300);
        Paths.Take(1000).Count(p => a.FaultOf(0, p, ResourceKind.Article) != a.FaultOf(1, p, ResourceKind.Article)).ShouldBeGreaterThan(300);
    }

    [Fact]
    public void A_server_error_plays_for_the_burst_and_the_one_time_faults_on_the_first_request_only()
    {
        var burst = new FaultPlan(new FaultOptions { ServerErrorShare = 1, BurstLength = 3 }, 1);
        Enumerable.Range(1, 5).Select(n => burst.Decide(0, "/x", ResourceKind.Article, n))
            .ShouldBe([FaultKind.ServerError, FaultKind.ServerError, FaultKind.ServerError, FaultKind.None, FaultKind.None]);
        Enumerable.Range(1, 4).Select(FaultPlan.ServerErrorStatus).ShouldBe([500, 503, 500, 503]);

        foreach (var once in new[] { new FaultOptions { TooManyRequestsShare = 1 }, new FaultOptions { SlowShare = 1 }, new FaultOptions { ResetShare = 1 }, new FaultOptions { TruncateShare = 1 } })
        {
            var plan = new FaultPlan(once, 1);
            plan.Decide(0, "/x", ResourceKind.ListPage, 1).ShouldNotBe(FaultKind.None);
            plan.Decide(0, "/x", ResourceKind.ListPage, 2).ShouldBe(FaultKind.None);
        }

        var gone = new FaultPlan(new FaultOptions { NotFoundShare = 1, WrongContentTypeShare = 0 }, 1);
        gone.Decide(0, "/x", ResourceKind.Article, 50).ShouldBe(FaultKind.NotFound);
        var wrong = new FaultPlan(new FaultOptions { WrongContentTypeShare = 1 }, 1);
        wrong.Decide(0, "/x", ResourceKind.Attachment, 50).ShouldBe(FaultKind.WrongContentType);
        wrong.WrongContentType(0, "/x").ShouldBe(wrong.WrongContentType(0, "/x"));
    }

    [Fact]
    public void Options_that_cannot_work_are_refused_with_the_option_named()
    {
        Should.Throw<ArgumentException>(() => new FaultPlan(new FaultOptions { ServerErrorShare = 0.7, NotFoundShare = 0.5 }, 1)).Message.ShouldContain("add up to 1.2");
        Should.Throw<ArgumentOutOfRangeException>(() => new FaultPlan(new FaultOptions { SlowShare = 1.5 }, 1)).Message.ShouldContain("SlowShare");
        Should.Throw<ArgumentOutOfRangeException>(() => new FaultPlan(new FaultOptions { RetryAfter = TimeSpan.FromMilliseconds(1500) }, 1)).Message.ShouldContain("whole number of seconds");
        Should.Throw<ArgumentOutOfRangeException>(() => new FaultPlan(new FaultOptions { BurstLength = 0 }, 1)).Message.ShouldContain("BurstLength");
        FaultOptions.Typical.Validate();
    }
}
