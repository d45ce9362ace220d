using System.Text.RegularExpressions;
using Shouldly;
using Warehouse.Validation.Similarity;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// 雷同 on real prose (Fixtures/Real): the parser's prose of sections 一, 五 and 六, compared by
/// <see cref="ResemblanceFinder"/>. Copies are made from the real text as a supervisor meets them:
/// the whole prose under another agency's name, last year's prose with this year's figures, a
/// copy with one passage rewritten. Independent real reports share 5-8 % of their shingles.
/// </summary>
public sealed partial class ResemblanceTests
{
    private static readonly Lazy<string> Pingtan2024 = new(() => Prose("pingtan-2024"));
    private static readonly Lazy<string> Pingtan2021 = new(() => Prose("pingtan-2021"));
    private static readonly Lazy<string> Hongze2024 = new(() => Prose("hongze-2024"));

    private static string Prose(string name) => ReportParser.Default.Parse(File.ReadAllBytes(RealReports.File(name)), new ParseOptions(name)).Prose!;

    private static ProseDocument Doc(long key, string agency, string region, int year, string text) => new(key, agency, region, year, text);

    [Fact]
    public void The_parser_gives_the_prose_of_sections_one_five_and_six_and_not_the_tables()
    {
        var prose = Pingtan2024.Value;
        prose.ShouldStartWith("2024年,平潭综合实验区坚持以习近平新时代中国特色社会主义思想为指导");
        prose.ShouldContain("2025年,将重点从以下方面做好改进");
        prose.ShouldEndWith("2024年,无收取信息处理费情况。");
        prose.ShouldNotContain("本年新收政府信息公开申请数量");
    }

    [Fact]
    public void Identical_prose_of_two_agencies_of_one_region_and_year_is_flagged_both_ways()
    {
        var found = ResemblanceFinder.Find([Doc(1, "A", "350128", 2024, Pingtan2024.Value), Doc(2, "B", "350128", 2024, Pingtan2024.Value)]);

        found.ShouldBe([
            new Resemblance(1, 2, ResemblanceScope.SameRegionAndYear, 1.0),
            new Resemblance(2, 1, ResemblanceScope.SameRegionAndYear, 1.0),
        ]);
    }

    [Fact]
    public void Different_prose_is_not_flagged()
    {
        ResemblanceFinder.Find([
            Doc(1, "A", "350128", 2024, Pingtan2024.Value),
            Doc(2, "B", "350128", 2024, Hongze2024.Value),
            Doc(3, "A", "350128", 2021, Pingtan2021.Value),
        ]).ShouldBeEmpty();
    }

    [Fact]
    public void Last_years_prose_with_this_years_figures_is_flagged_against_the_earlier_year()
    {
        var renumbered = Digits().Replace(Pingtan2024.Value, m => (int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) + 7).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var found = ResemblanceFinder.Find([Doc(1, "A", "350128", 2024, Pingtan2024.Value), Doc(2, "A", "350128", 2025, renumbered)]);

        found.ShouldBe([new Resemblance(2, 1, ResemblanceScope.EarlierYear, 1.0)]);
    }

    [Fact]
    public void A_copy_with_a_passage_rewritten_is_flagged_with_the_share_that_is_identical()
    {
        var original = Pingtan2024.Value;
        var cut = original.IndexOf("(四)信息公开平台建设方面", StringComparison.Ordinal);
        var end = original.IndexOf("(五)监督保障方面", StringComparison.Ordinal);
        var copy = original[..cut] + "(四)平台方面。我单位本年度依托县政府门户网站集中发布信息，政务新媒体运行平稳，未发生安全事件。" + original[end..];

        var found = ResemblanceFinder.Find([Doc(1, "A", "350128", 2024, original), Doc(2, "B", "350128", 2024, copy)]);

        var flagged = found.Single(r => r.ReportKey == 2);
        flagged.ResemblesReportKey.ShouldBe(1);
        flagged.SharedShare.ShouldBeInRange(0.9, 0.999);
    }

    [Fact]
    public void The_same_prose_in_another_region_or_short_prose_is_not_compared()
    {
        ResemblanceFinder.Find([Doc(1, "A", "350128", 2024, Pingtan2024.Value), Doc(2, "B", "320813", 2024, Pingtan2024.Value)]).ShouldBeEmpty();
        ResemblanceFinder.Find([Doc(1, "A", "350128", 2024, "一、总体情况。无。五、存在的主要问题。无。"), Doc(2, "B", "350128", 2024, "一、总体情况。无。五、存在的主要问题。无。")]).ShouldBeEmpty();
    }

    [Fact]
    public void The_threshold_is_the_users()
    {
        var half = Pingtan2024.Value[..(Pingtan2024.Value.Length / 2)] + Hongze2024.Value[..(Hongze2024.Value.Length / 2)];
        var docs = new[] { Doc(1, "A", "350128", 2024, Pingtan2024.Value), Doc(2, "B", "350128", 2024, half) };

        ResemblanceFinder.Find(docs).ShouldNotContain(r => r.ReportKey == 2);
        ResemblanceFinder.Find(docs, new ResemblanceOptions { Threshold = 0.4 }).ShouldContain(r => r.ReportKey == 2 && r.ResemblesReportKey == 1);
    }

    [Fact]
    public void MinHash_estimates_the_jaccard_similarity_of_real_prose()
    {
        var a = ProseShingles.Of(ProseShingles.Normalise(Pingtan2024.Value));
        var b = ProseShingles.Of(ProseShingles.Normalise(Pingtan2024.Value[..(Pingtan2024.Value.Length * 2 / 3)] + Hongze2024.Value));
        var shared = ProseShingles.Shared(a, b);
        var jaccard = shared / (double)(a.Length + b.Length - shared);

        MinHash.Estimate(MinHash.Signature(a), MinHash.Signature(b)).ShouldBe(jaccard, 0.1);
    }

    [Fact]
    public void Generated_reports_are_not_flagged_against_each_other_and_a_planted_copy_is()
    {
        // Worst case for false alarms: 300 generated reports as one region's reports of one year.
        var layouts = Warehouse.Corpus.Layouts.WithoutPdf;
        var prose = Enumerable.Range(0, 300)
            .Select(i => ReportParser.Default.Parse(Warehouse.Corpus.CorpusWriter.Render(Warehouse.Corpus.ReportFactory.Create(7, i, 0), layouts[i % layouts.Count]), new ParseOptions($"{i}")).Prose!)
            .ToList();
        var docs = prose.Select((p, i) => Doc(i, $"A{i}", "360704", 2024, p)).ToList();

        ResemblanceFinder.Find(docs).ShouldBeEmpty();
        ResemblanceFinder.Find([.. docs, Doc(1000, "copy", "360704", 2024, prose[42])]).Select(r => (r.ReportKey, r.ResemblesReportKey)).ShouldBe([(42L, 1000L), (1000L, 42L)]);
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
