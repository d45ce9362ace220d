using Shouldly;
using Warehouse.Crawl.Sources;

namespace Warehouse.Crawl.Tests.Sources;

public sealed class SourceReaderTests
{
    private const string Good = """
        title: 赣县区人民政府
        region: "360704"
        profile: trs
        start:
          - https://www.ganxian.gov.cn/zwgk/ndbg/index.html
        politeness:
          min_delay: 3s
        schedule: "0 3 * * 1"
        """;

    [Fact]
    public void A_source_needs_only_a_few_lines_and_takes_its_profile_defaults()
    {
        var (source, problems) = SourceReader.Parse(Good, "ganxian.yaml");
        problems.ShouldBeEmpty();
        source.ShouldNotBeNull();
        source.Name.ShouldBe("ganxian");
        source.RegionCode.ShouldBe("360704");
        source.Profile.ShouldBe(CmsProfiles.Trs);
        source.AllowedHosts.ShouldBe(["www.ganxian.gov.cn"]);
        source.MinDelay.ShouldBe(TimeSpan.FromSeconds(3));
        source.Schedule.ShouldBe("0 3 * * 1");
        source.LocalTest.ShouldBeFalse();
    }

    [Fact]
    public void The_profile_can_be_overridden_per_portal()
    {
        var (source, problems) = SourceReader.Parse(Good + "\nlist:\n  link_selector: \"div.news a\"\n  pagination: \"list_{n}.shtml\"\n", "x.yaml");
        problems.ShouldBeEmpty();
        source!.Profile.LinkSelector.ShouldBe("div.news a");
        source.Profile.Pagination.ShouldBe("list_{n}.shtml");
        source.Profile.TitlePattern.ShouldBe(CmsProfiles.ReportTitle);
    }

    [Fact]
    public void A_pinned_certificate_is_the_start_hosts_by_its_fingerprint_with_or_without_colons()
    {
        var hex = string.Concat(Enumerable.Range(0, 32).Select(i => i.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        var colons = CertificatePin.Colons(hex.ToUpperInvariant());

        var (source, problems) = SourceReader.Parse(Good + $"\ntls:\n  pin_sha256: \"{colons}\"\n", "x.yaml");
        var (same, _) = SourceReader.Parse(Good + $"\ntls: {{ pin_sha256: {hex} }}\n", "x.yaml");

        problems.ShouldBeEmpty();
        source!.PinnedCertificate.ShouldBe(new CertificatePin("www.ganxian.gov.cn", hex.ToUpperInvariant()));
        source.PinnedCertificate!.Display.ShouldBe(colons);
        same!.PinnedCertificate.ShouldBe(source.PinnedCertificate);
    }

    [Fact]
    public void The_politeness_delay_defaults_to_two_seconds()
    {
        var (source, _) = SourceReader.Parse(Good.Replace("politeness:\n  min_delay: 3s\n", "", StringComparison.Ordinal), "x.yaml");
        source!.MinDelay.ShouldBe(TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData("strat:\n  - http://a.gov.cn/\n", "x.yaml:9: unknown key 'strat' (did you mean 'start'?)")]
    [InlineData("list:\n  title_patern: x\n", "unknown key 'list.title_patern' (did you mean 'list.title_pattern'?)")]
    [InlineData("list:\n  title_pattern: \"(\"\n", "title_pattern is not a valid regular expression")]
    [InlineData("list:\n  link_selector: \"li[[a\"\n", "link_selector 'li[[a' is not a CSS selector")]
    [InlineData("list:\n  pagination: sometimes\n", "pagination 'sometimes' is neither a URL template with {n}")]
    [InlineData("allowed_hosts: [cdn.ganxian.gov.cn]\n", "the start URL https://www.ganxian.gov.cn/zwgk/ndbg/index.html is on www.ganxian.gov.cn, which allowed_hosts does not list")]
    [InlineData("allowed_hosts: [\"https://www.ganxian.gov.cn\"]\n", "allowed host 'https://www.ganxian.gov.cn' should be a host name or host:port")]
    [InlineData("local_test_source: perhaps\n", "local_test_source must be true or false, not 'perhaps'")]
    [InlineData("tls:\n  pin_sha256: \"AB:CD\"\n", "pin_sha256 'AB:CD' 不是 SHA-256 指纹（64 位十六进制数字，可用冒号分隔，如 \"AB:CD:…\"）/ is not a SHA-256 fingerprint")]
    [InlineData("tls:\n  pin: x\n", "tls: 缺少 pin_sha256")]
    public void Each_mistake_is_named_with_its_line(string extra, string expected)
    {
        var (source, problems) = SourceReader.Parse(Good + "\n" + extra, "x.yaml");
        source.ShouldBeNull();
        problems.Select(p => p.ToString()).ShouldContain(p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("region: \"360704\"", "region: \"999999\"", "region 999999 is not in the national division list")]
    [InlineData("profile: trs", "profile: wordpress", "profile 'wordpress' is unknown; the profiles are trs, hanweb, generic")]
    [InlineData("  - https://www.ganxian.gov.cn/zwgk/ndbg/index.html", "  - ftp://www.ganxian.gov.cn/", "start URL 'ftp://www.ganxian.gov.cn/' is not an absolute http or https address")]
    [InlineData("  min_delay: 3s", "  min_delay: 100ms", "min_delay 100 ms is below the 1 s a public portal is owed")]
    [InlineData("  min_delay: 3s", "  min_delay: soon", "min_delay 'soon' is not a duration")]
    [InlineData("title: 赣县区人民政府\n", "", "title: is missing")]
    [InlineData("schedule: \"0 3 * * 1\"", "schedule: daily", "schedule 'daily' is not a five-field cron expression")]
    public void Wrong_values_are_named(string from, string to, string expected)
    {
        var (_, problems) = SourceReader.Parse(Good.Replace(from, to, StringComparison.Ordinal), "x.yaml");
        problems.Select(p => p.ToString()).ShouldContain(p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_start_url_alone_is_a_source_read_by_the_generic_rule()
    {
        var (source, problems) = SourceReader.Parse("title: 平潭综合实验区\nregion: \"350128\"\nstart: https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/\n", "pingtan.yaml");
        problems.ShouldBeEmpty();
        source!.Profile.ShouldBe(CmsProfiles.Generic);
        source.Api.ShouldBeNull();
    }

    [Fact]
    public void A_search_api_is_a_url_template_with_a_first_page_and_a_format()
    {
        var (source, problems) = SourceReader.Parse(Good + "\nlist:\n  api:\n    url: \"https://www.ganxian.gov.cn/api/search?chnl=1813&page={page}\"\n", "x.yaml");
        problems.ShouldBeEmpty();
        source!.Api.ShouldBe(new ListApi("https://www.ganxian.gov.cn/api/search?chnl=1813&page={page}", 2, "json"));
        source.Api!.Page(3).AbsoluteUri.ShouldBe("https://www.ganxian.gov.cn/api/search?chnl=1813&page=3");
    }

    [Theory]
    [InlineData("    first_page: 2\n", "list.api 缺少 url")]
    [InlineData("    url: \"https://www.ganxian.gov.cn/api/search\"\n", "应为含 {page} 的 http 或 https 绝对地址")]
    [InlineData("    url: \"https://search.example.cn/api?page={page}\"\n", "list.api.url 所在主机 search.example.cn 不在 allowed_hosts 中")]
    [InlineData("    url: \"https://www.ganxian.gov.cn/api?page={page}\"\n    format: xml\n", "list.api.format「xml」应为 json 或 html")]
    [InlineData("    url: \"https://www.ganxian.gov.cn/api?page={page}\"\n    first_page: two\n", "list.api.first_page「two」应为非负整数")]
    [InlineData("    url: \"https://www.ganxian.gov.cn/api?page={page}\"\n    pages: 3\n", "unknown key 'list.api.pages'")]
    public void A_wrong_search_api_is_named_Chinese_first(string api, string expected)
    {
        var (source, problems) = SourceReader.Parse(Good + "\nlist:\n  api:\n" + api, "x.yaml");
        source.ShouldBeNull();
        problems.Select(p => p.ToString()).ShouldContain(p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void All_mistakes_of_a_file_come_at_once()
    {
        var (_, problems) = SourceReader.Parse("title: x\nregion: \"1\"\nprofile: nope\n", "x.yaml");
        problems.Count.ShouldBe(3);
    }

    [Fact]
    public void A_file_that_is_not_YAML_says_where()
    {
        var (_, problems) = SourceReader.Parse("title: [unclosed\nregion: 1", "x.yaml");
        problems.ShouldHaveSingleItem().Message.ShouldStartWith("is not valid YAML");
    }

    [Fact]
    public void A_local_test_source_may_go_faster_and_use_loopback()
    {
        var (source, problems) = SourceReader.Parse(
            "title: t\nregion: \"360704\"\nprofile: hanweb\nstart: http://127.0.0.1:8702/col/col1/index.html\npoliteness:\n  min_delay: 50ms\nlocal_test_source: true\n", "t.yaml");
        problems.ShouldBeEmpty();
        source!.AllowedHosts.ShouldBe(["127.0.0.1:8702"]);
        source.MinDelay.ShouldBe(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void The_shipped_sources_are_valid_and_names_are_unique()
    {
        var folder = Path.Combine(Root(), "etl", "sources");
        var catalog = SourceCatalog.Load(folder);
        catalog.Problems.ShouldBeEmpty();
        catalog.Sources.ShouldNotBeEmpty();

        var dir = Directory.CreateTempSubdirectory("sources-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a.yaml"), "name: same\n" + Good);
            File.WriteAllText(Path.Combine(dir.FullName, "b.yaml"), "name: same\n" + Good);
            SourceCatalog.Load(dir.FullName).Problems.ShouldHaveSingleItem().Message.ShouldContain("name 'same' is already used by");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Warehouse.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Warehouse.sln not found");
    }
}
