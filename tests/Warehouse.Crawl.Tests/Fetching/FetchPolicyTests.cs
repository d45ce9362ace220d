using Shouldly;
using Warehouse.Crawl.Sources;

namespace Warehouse.Crawl.Tests.Fetching;

public sealed class FetchPolicyTests
{
    private static readonly ListProfile Generic = new("generic", "a", ".*", "");

    [Fact]
    public void A_source_gives_its_hosts_and_delay_and_only_a_local_test_source_may_reach_private_addresses()
    {
        var source = new Source("gxq", "赣县区人民政府", "360704", [new Uri("http://www.ganxian.gov.cn/list.html")], Generic,
            ["www.ganxian.gov.cn", "files.ganxian.gov.cn:8080"], TimeSpan.FromSeconds(3), null, LocalTest: false, "gxq.yml");

        var policy = FetchPolicy.ForSource(source, Fast.UserAgent);
        var local = FetchPolicy.ForSource(source with { LocalTest = true }, Fast.UserAgent);

        policy.MinDelay.ShouldBe(TimeSpan.FromSeconds(3));
        policy.AllowPrivateAddresses.ShouldBeFalse();
        local.AllowPrivateAddresses.ShouldBeTrue();
        policy.AllowsHost(new Uri("https://WWW.ganxian.gov.cn/a")).ShouldBeTrue();
        policy.AllowsHost(new Uri("http://files.ganxian.gov.cn:8080/b.pdf")).ShouldBeTrue();
        policy.AllowsHost(new Uri("http://files.ganxian.gov.cn/b.pdf")).ShouldBeFalse();
        policy.AllowsHost(new Uri("http://www.ganxian.gov.cn.evil.example/")).ShouldBeFalse();
        policy.ProductToken.ShouldBe("WarehouseBot");
    }

    [Fact]
    public void The_defaults_are_those_of_the_crawl_design()
    {
        var policy = new FetchPolicy { UserAgent = Fast.UserAgent, AllowedHosts = ["a.example"] };

        policy.MinDelay.ShouldBe(TimeSpan.FromSeconds(2));
        policy.AttemptTimeout.ShouldBe(TimeSpan.FromSeconds(30));
        policy.TotalTimeout.ShouldBe(TimeSpan.FromMinutes(3));
        policy.MaxRetries.ShouldBe(4);
        policy.MaxBodyBytes.ShouldBe(50L * 1024 * 1024);
        policy.MaxRedirects.ShouldBe(5);
        policy.AllowPrivateAddresses.ShouldBeFalse();
        policy.Problems().ShouldBeEmpty();
    }

    [Fact]
    public void Every_mistake_is_named_at_once()
    {
        var policy = new FetchPolicy { UserAgent = "/1.0", AllowedHosts = [], MinDelay = TimeSpan.FromSeconds(-1), MaxRetries = 50 };

        var error = Should.Throw<ArgumentException>(policy.Validate);

        error.Message.ShouldBe("The fetch policy cannot be used: UserAgent '/1.0' should start with a product token, e.g. WarehouseBot/1.0 (+https://example.org/warehouse-bot); "
            + "AllowedHosts is empty: no URL could be fetched; MinDelay may not be negative (is -00:00:01); MaxRetries should be between 0 and 10 (is 50).");
    }

    [Fact]
    public async Task A_bad_policy_fails_the_fetch_before_any_request()
    {
        await using var fetcher = Fetcher.Create(Fast.Options);

        await Should.ThrowAsync<ArgumentException>(() =>
            fetcher.FetchAsync(new Uri("http://a.example/"), new FetchPolicy { UserAgent = "", AllowedHosts = ["a.example"] }, null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Bad_fetcher_options_are_named()
    {
        var error = Should.Throw<ArgumentException>(() => Fetcher.Create(new FetcherOptions { BreakerFailureRatio = 0, BreakDuration = TimeSpan.Zero }));

        error.Message.ShouldBe("The fetcher options cannot be used: BreakerFailureRatio should be above 0 and at most 1 (is 0); BreakDuration should be between 500 ms and 1 day (is 00:00:00).");
    }
}
