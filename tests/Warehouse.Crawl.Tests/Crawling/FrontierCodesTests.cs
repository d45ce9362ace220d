using Shouldly;
using Warehouse.Crawl.Crawling;

namespace Warehouse.Crawl.Tests.Crawling;

/// <summary>The frontier's kinds, states and outcomes are stored as the words crawl_url's checks name.</summary>
public sealed class FrontierCodesTests
{
    [Fact]
    public void Each_kind_state_and_outcome_has_the_word_crawl_url_stores_and_reads_back()
    {
        Enum.GetValues<UrlKind>().Select(k => k.Code()).ShouldBe(["list", "article", "document"]);
        Enum.GetValues<UrlState>().Select(s => s.Code()).ShouldBe(["pending", "done", "failed", "refused"]);
        Enum.GetValues<UrlOutcome>().Select(o => o.Code()).ShouldBe(["new", "unchanged", "rejected", "attachments"]);

        Enum.GetValues<UrlKind>().ShouldAllBe(k => FrontierCodes.KindOf(k.Code()) == k);
        Enum.GetValues<UrlState>().ShouldAllBe(s => FrontierCodes.StateOf(s.Code()) == s);
        Enum.GetValues<UrlOutcome>().ShouldAllBe(o => FrontierCodes.OutcomeOf(o.Code()) == o);
    }

    [Fact]
    public void No_outcome_reads_as_null_and_an_unknown_word_names_its_column()
    {
        FrontierCodes.OutcomeOf("").ShouldBeNull();
        FrontierCodes.OutcomeOf(null).ShouldBeNull();
        Should.Throw<InvalidDataException>(() => FrontierCodes.StateOf("lost")).Message.ShouldContain("crawl_url.state");
    }
}
