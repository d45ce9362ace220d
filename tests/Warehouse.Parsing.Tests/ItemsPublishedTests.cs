using System.Text;
using Shouldly;

namespace Warehouse.Parsing.Tests;

/// <summary>The year's total of items published, in the phrasings reports use, and what is not a total.</summary>
public sealed class ItemsPublishedTests
{
    private static readonly string Seed = File.ReadAllText(Path.Combine(Fixtures.Dir("Seeds"), "000_6b7f44aa3acc8f17.txt"));

    private const string Original = "1. 主动公开情况。2023 年，本机关公开信息 1455 条，其中主动公开工作动态 1257 条，重点领域信息 141 条，及时公开财经信息 2 条，概况信息 1 条，人事信息 5 条，发布政策文件（含政策解读）41 条，计划总结 8 条。";

    private static int? Items(string sentence)
    {
        Seed.ShouldContain(Original);
        var text = Seed.Replace(Original, "1. 主动公开情况。" + sentence, StringComparison.Ordinal);
        return ReportParser.Default.Parse(Encoding.UTF8.GetBytes(text), new ParseOptions()).Report.ShouldNotBeNull().ItemsPublished;
    }

    [Theory]
    [InlineData("2023年，本机关主动公开政府信息1455条。", 1455)]
    [InlineData("2023年，我区在政府网站平台主动发布各类政府信息 1455 条，公开政府常务会议 7 期。", 1455)]
    [InlineData("全年累计主动公开政府信息1455条（其中政策文件41条）。", 1455)]
    [InlineData("2023年共公布政府信息1455条，及时回应关切。", 1455)]
    [InlineData("全年主动公开我区各级单位政府信息1455条，主要通过政府网站公开。", 1455)]
    [InlineData("通过政府门户网站全年主动公开各类政府信息1,455条。", 1455)]
    [InlineData("2023年，本机关公开信息 1455 条，其中主动公开工作动态 1257 条。", 1455)]
    [InlineData("2023年通过门户网站、微信公众号共发布各类信息 1455 条。", 1455)]
    [InlineData("全年共主动公开1455条政府信息，及时回应关切。", 1455)]
    [InlineData("2023年，本机关主动公开各类信息数量为1455条。", 1455)]
    [InlineData("2023年，本机关主动公开政府信息达1455条。", 1455)]
    [InlineData("2023年，主动公开政府信息数量达1455条。", 1455)]
    [InlineData("2023年，全年主动公开政府信息总量为1455条。", 1455)]
    [InlineData("2023年，本机关主动公开政府信息总量1455条。", 1455)]
    [InlineData("2023年，主动公开政府信息（含政策文件、工作动态等）1455条。", 1455)]
    [InlineData("2023年，主动公开政府信息（含政策文件、工作动态等）\n1455条。", 1455)]
    [InlineData("2023年，主动公开政府信息条数为1455条。", 1455)]
    [InlineData("2023年，本机关主动公开政府信息1455件。", 1455)]
    [InlineData("全年在政府网站发布各类政府信息1455篇，其中政策文件41篇。", 1455)]
    [InlineData("全年共主动公开1455件政府信息。", 1455)]
    [InlineData("2023年，依申请公开政府信息12条；全年主动公开政府信息1455条。", 1455)]
    // The object before its verb.
    [InlineData("2023年，政府信息主动公开1455条。", 1455)]
    [InlineData("2023年，全年政府信息主动公开总数为1455条，其中政策文件41条。", 1455)]
    // The verb counted is the one before the object, not one inside a place's name.
    [InlineData("2023年，本机关在政府信息公开专栏公开信息1455条。", 1455)]
    // Channels named with the website, or as some of several, are all of them.
    [InlineData("2023年，通过政府网站、政务新媒体等渠道主动公开政府信息1455条。", 1455)]
    public void The_years_total_is_read_in_any_phrasing(string sentence, int expected) => Items(sentence).ShouldBe(expected);

    [Theory]
    [InlineData("主动公开财政信息5条，人事信息3条。")]
    [InlineData("2023年，我局主动公开相关信息12条。")]
    [InlineData("依托政府网站主动公开各类政府信息近10条。")]
    [InlineData("本机关通过政府网站发布工作动态、通知公告等政务信息340余条。")]
    [InlineData("政务微博发布信息300条。")]
    [InlineData("2023年，通过微信公众号发布信息300条。")]
    [InlineData("政务信息主动公开1200余条。")]
    [InlineData("全年发布政府信息1.2万条。")]
    [InlineData("全年发布政策解读信息45篇。")]
    [InlineData("全年共主动公开10余条政府信息。")]
    [InlineData("主动公开5条财政信息。")]
    [InlineData("全年发布信息45件。")]
    [InlineData("主动公开规范性文件信息12件。")]
    [InlineData("政务微信发布政府信息300篇。")]
    // Answers to applications, which section 三 counts: never the items published.
    [InlineData("2023年，依申请公开政府信息12条。")]
    [InlineData("全年依申请公开信息12条，均按时答复。")]
    [InlineData("予以公开政府信息12条，部分公开信息3条。")]
    [InlineData("不予公开信息2条。")]
    public void A_count_that_is_not_the_years_exact_total_is_not_read(string sentence) => Items(sentence).ShouldBeNull();

    // Section 一 in the template's sub-points: a figure under 依申请公开, 政府信息管理, 平台建设 or 监督保障 counts something
    // else (real: 上海市人民政府办公厅 2025, "（四）平台建设方面 … “上海国际服务门户”… 共发布各类信息 13528 条", one portal's).
    [Theory]
    [InlineData("（一）主动公开方面\n全年主动公开市政府规章 22 件。\n（四）平台建设方面\n“上海国际服务门户”新增意大利语网站，目前已覆盖 10 个语种，\n共发布各类信息 13528 条，总浏览量为 536 万。\n（五）监督保障方面\n印发年度要点。", null)]
    [InlineData("（三）政府信息管理\n全年公开政府信息 166 条。\n（四）政务公开平台建设\n政府网站共发布各类信息 13528 条。", null)]
    [InlineData("（一）主动公开\n全年主动公开政府信息 1455 条。\n（四）平台建设\n政府网站共发布各类信息 13528 条。", 1455)]
    public void A_figure_under_another_sub_point_of_section_one_is_not_the_years_total(string sentences, int? expected) =>
        Items(sentences).ShouldBe(expected);
}
