using Shouldly;

namespace Warehouse.SamplePortal.Tests;

public sealed class OptionsTests(TestCorpus corpus)
{
    [Fact]
    public async Task A_folder_without_a_manifest_is_refused_with_its_name()
    {
        var dir = Directory.CreateTempSubdirectory("sample-portal-empty-");
        try
        {
            var e = await Should.ThrowAsync<FileNotFoundException>(() => SamplePortal.StartAsync(new SamplePortalOptions(dir.FullName), Http.Ct));
            e.Message.ShouldContain(dir.FullName);
            e.Message.ShouldContain("manifest.json");
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public async Task Impossible_options_are_refused_before_any_port_is_taken()
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => SamplePortal.StartAsync(new SamplePortalOptions(corpus.Directory, Sites: 0), Http.Ct));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => SamplePortal.StartAsync(new SamplePortalOptions(corpus.Directory, PageSize: 0), Http.Ct));
        (await Should.ThrowAsync<ArgumentException>(() => SamplePortal.StartAsync(new SamplePortalOptions(corpus.Directory, Sites: 2, Ports: [8000]), Http.Ct)))
            .Message.ShouldContain("one per site");
    }

    [Fact]
    public async Task A_port_in_use_is_named()
    {
        await using var first = await Portals.StartAsync(corpus, sites: 1);
        var taken = first.Sites[0].Port;

        var e = await Should.ThrowAsync<IOException>(() => SamplePortal.StartAsync(new SamplePortalOptions(corpus.Directory, Sites: 2, Ports: [0, taken]), Http.Ct));
        e.Message.ShouldContain($"127.0.0.1:{taken}");
    }

    [Fact]
    public async Task One_site_serves_only_what_suits_trs()
    {
        await using var portal = await Portals.StartAsync(corpus, sites: 1);
        portal.Reports.ShouldNotBeEmpty();
        portal.Reports.ShouldAllBe(r => r.Layout != Corpus.Layouts.HtmlHanwebGbk);
    }
}
