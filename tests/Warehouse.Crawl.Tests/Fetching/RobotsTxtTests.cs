using Shouldly;

namespace Warehouse.Crawl.Tests.Fetching;

public sealed class RobotsTxtTests
{
    private const string Bot = "WarehouseBot";

    [Theory]
    [InlineData("/private", false)]
    [InlineData("/private/report.pdf", false)]
    [InlineData("/private/public/report.pdf", true)]
    [InlineData("/privateer", false)]
    [InlineData("/index.html", true)]
    public void The_longest_matching_rule_wins(string path, bool allowed)
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /private\nAllow: /private/public/\n");

        robots.IsAllowed(path, Bot).ShouldBe(allowed);
    }

    [Fact]
    public void On_a_tie_allow_wins()
    {
        RobotsTxt.Parse("User-agent: *\nDisallow: /page\nAllow: /page\n").IsAllowed("/page", Bot).ShouldBeTrue();
    }

    [Theory]
    [InlineData("/a.pdf", false)]
    [InlineData("/docs/b.pdf", false)]
    [InlineData("/a.pdf?x=1", true)]
    [InlineData("/a.pdfx", true)]
    [InlineData("/search?q=1", false)]
    [InlineData("/list?page=2&sort=date", false)]
    [InlineData("/list?page=2", true)]
    public void Star_matches_any_run_and_dollar_the_end(string path, bool allowed)
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /search\nDisallow: /*sort=\n");

        robots.IsAllowed(path, Bot).ShouldBe(allowed);
    }

    [Fact]
    public void The_group_naming_the_crawler_replaces_the_star_group()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /

            User-agent: Baiduspider
            User-agent: warehousebot/2.0
            Disallow: /tmp/
            Crawl-delay: 5
            """);

        robots.IsAllowed("/report", Bot).ShouldBeTrue();
        robots.IsAllowed("/tmp/x", Bot).ShouldBeFalse();
        robots.IsAllowed("/report", "OtherBot").ShouldBeFalse();
        robots.CrawlDelay(Bot).ShouldBe(TimeSpan.FromSeconds(5));
        robots.CrawlDelay("OtherBot").ShouldBeNull();
    }

    [Fact]
    public void Groups_for_the_same_crawler_are_merged()
    {
        var robots = RobotsTxt.Parse("User-agent: WarehouseBot\nDisallow: /a\n\nUser-agent: WarehouseBot\nDisallow: /b\n");

        robots.IsAllowed("/a", Bot).ShouldBeFalse();
        robots.IsAllowed("/b", Bot).ShouldBeFalse();
        robots.IsAllowed("/c", Bot).ShouldBeTrue();
    }

    [Fact]
    public void Empty_disallow_comments_and_rules_outside_a_group_allow_everything()
    {
        var robots = RobotsTxt.Parse("\uFEFFDisallow: /\n# a comment\nUser-agent: * # everyone\nDisallow:\nSitemap: http://a.example/sitemap.xml\n");

        robots.IsAllowed("/anything", Bot).ShouldBeTrue();
    }

    [Fact]
    public void Robots_txt_itself_is_always_allowed()
    {
        RobotsTxt.DisallowAll.IsAllowed("/robots.txt", Bot).ShouldBeTrue();
        RobotsTxt.DisallowAll.IsAllowed("/", Bot).ShouldBeFalse();
        RobotsTxt.AllowAll.IsAllowed("/", Bot).ShouldBeTrue();
    }

    [Fact]
    public void Non_ascii_patterns_match_the_escaped_url()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /公开/\n");

        robots.IsAllowed(new Uri("http://a.example/公开/报告.html"), Bot).ShouldBeFalse();
        robots.IsAllowed("/%e5%85%ac%e5%bc%80/x", Bot).ShouldBeFalse();
        robots.IsAllowed("/其他/", Bot).ShouldBeTrue();
    }

    [Fact]
    public void Crawl_delay_takes_decimals_and_ignores_nonsense()
    {
        RobotsTxt.Parse("User-agent: *\nCrawl-delay: 0.5\n").CrawlDelay(Bot).ShouldBe(TimeSpan.FromMilliseconds(500));
        RobotsTxt.Parse("User-agent: *\nCrawl-delay: soon\n").CrawlDelay(Bot).ShouldBeNull();
    }

    [Fact]
    public void A_path_without_a_leading_slash_is_read_as_if_it_had_one()
    {
        RobotsTxt.Parse("User-agent: *\nDisallow: private\n").IsAllowed("/private/x", Bot).ShouldBeFalse();
    }

    [Theory]
    [InlineData("WarehouseBot/1.0 (+https://example.org/warehouse-bot)", "WarehouseBot")]
    [InlineData("Warehouse_Bot-2", "Warehouse_Bot-")]
    [InlineData("  *", "")]
    public void The_product_token_is_the_leading_letters_underscores_and_hyphens(string userAgent, string token)
    {
        RobotsTxt.ProductToken(userAgent).ShouldBe(token);
    }

    [Fact]
    public void A_pathological_pattern_is_matched_in_linear_time()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /" + string.Concat(Enumerable.Repeat("*a", 200)) + "b$\n");

        robots.IsAllowed("/" + new string('a', 5000), Bot).ShouldBeTrue();
    }
}
