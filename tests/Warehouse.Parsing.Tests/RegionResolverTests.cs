using Shouldly;
using Warehouse.Core.Regions;

namespace Warehouse.Parsing.Tests;

public sealed class RegionResolverTests
{
    private static RegionMatch Resolve(string agency, string? hint = null, string? text = null) =>
        RegionResolver.Default.Resolve(agency, hint, text);

    [Theory]
    [InlineData("赣县区商务局", "360704")]
    [InlineData("和田地区商务局", "6532")]
    [InlineData("渠县经济和信息化局", "511725")]
    [InlineData("石渠县人民政府办公室", "513332")]
    [InlineData("江西省赣州市赣县区商务局", "360704")]
    [InlineData("赣州市商务局", "3607")]
    [InlineData("江西省商务厅", "36")]
    [InlineData("北京市东城区教育委员会", "110101")]
    [InlineData("中共上犹县委办公室", "360724")]
    public void Agency_resolves_to_the_longest_region_name_it_begins_with(string agency, string code) =>
        Resolve(agency).Code.ShouldBe(code);

    [Fact]
    public void Development_zone_missing_from_the_list_resolves_to_its_city() =>
        Resolve("赣州经济技术开发区党政办公室").Code.ShouldBe("3607");

    [Fact]
    public void Repeated_county_name_without_a_hint_is_unresolved_with_a_warning()
    {
        var match = Resolve("朝阳区教育局");
        match.Code.ShouldBeNull();
        match.Finding.ShouldNotBeNull().Rule.ShouldBe("region_ambiguous");
        match.Finding.Message.ShouldContain("--region-hint");
    }

    [Theory]
    [InlineData("11", "110105")]
    [InlineData("2201", "220104")]
    public void Region_hint_decides_between_repeated_county_names(string hint, string code) =>
        Resolve("朝阳区教育局", hint).Code.ShouldBe(code);

    [Fact]
    public void The_report_text_decides_when_it_names_the_province()
    {
        Resolve("朝阳区教育局", null, "北京市朝阳区教育局2023年政府信息公开工作年度报告 …… 北京市").Code.ShouldBe("110105");
    }

    [Fact]
    public void Unknown_agency_is_unresolved_with_a_warning()
    {
        var match = Resolve("某某机关");
        match.Code.ShouldBeNull();
        match.Finding.ShouldNotBeNull().Rule.ShouldBe("region_unresolved");
    }

    [Fact]
    public void Every_alias_points_at_a_region_of_the_list()
    {
        foreach (var (name, code) in DivisionList.Default.Aliases) DivisionList.Default.Find(code).ShouldNotBeNull(name);
    }
}
