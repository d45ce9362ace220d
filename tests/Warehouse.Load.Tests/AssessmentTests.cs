using Dapper;
using Shouldly;
using Warehouse.Register.Assessment;
using Warehouse.Register.Roster;

namespace Warehouse.Load.Tests;

/// <summary>
/// 考核 scoring (docs/register.md): a scheme read and checked like the dashboards, the score of a
/// hand-built case equal to its hand-computed value, every deduction naming its reason, ranks within
/// region and level, and the scores kept in a real SQLite warehouse for the 考核评分 workbook.
/// </summary>
public class AssessmentTests
{
    /// <summary>A fresh warehouse for one test: SQLite here, SQL Server in <see cref="SqlServerAssessmentTests"/>.</summary>
    protected virtual TempWarehouse NewWarehouse() => new();

    private const string Scheme = """
        title: 测试方案
        base: 100
        floor: 0
        deductions:
          missing: { points: 20 }
          late:
            bands:
              - { from: 1, to: 15, points: 2 }
              - { from: 16, to: 30, points: 5 }
              - { from: 31, points: 10 }
          arithmetic: { points: 1, cap: 5 }
          completeness: { points: 2, cap: 6 }
          resemblance: { points: 5, cap: 10 }
          correction: { points: 2, cap: 6 }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AssessmentScheme Read(string yaml = Scheme)
    {
        var (scheme, problems) = AssessmentSchemeReader.Parse(yaml, "test.scheme.yaml");
        problems.ShouldBeEmpty();
        return scheme!;
    }

    private static IReadOnlyList<string> Problems(string yaml) => AssessmentSchemeReader.Parse(yaml, "bad.scheme.yaml").Problems.Select(p => p.ToString()).ToList();

    private static AssessedEntry Entry(long key, string agency, string status, int? daysLate = null, string group = "county:3607") =>
        new() { EntityKey = key, Year = 2024, Agency = agency, Status = status, DaysLate = daysLate, Deadline = "2025-01-31", RankGroupCode = group, RankGroup = group == "county:3607" ? "赣州市·县级" : "江西省·市级" };

    private static IEnumerable<AssessedProblem> Many(long key, string kind, int count) =>
        Enumerable.Range(1, count).Select(i => new AssessedProblem { EntityKey = key, Kind = kind, ProblemKey = $"{kind}:{i:00}", Detail = $"第 {i} 处问题。" });

    [Fact]
    public void The_score_of_a_hand_built_case_equals_its_hand_computed_value_and_ranks_follow_the_scores_within_each_group()
    {
        AssessedEntry[] entries =
        [
            Entry(1, "甲局", "on_time"),            // clean: 100
            Entry(2, "乙局", "late", 20),           // band 2 (16-30 days) 5 + one missing section 2: 100 - 7 = 93
            Entry(3, "丙局", "missing"),            // 未发布 20: 80
            Entry(4, "丁局", "on_time"),            // 7 arithmetic errors, 1 each, capped at 5 (the 6th and 7th take 0) + one 雷同 5: 100 - 10 = 90
            Entry(5, "戊局", "on_time"),            // corrections: 复议 2 × 2 = 4, 直接起诉 1 × 2 = 2, 复议后起诉 1 × 2 over the cap of 6: 0; 100 - 6 = 94
            Entry(6, "己局", "late", 3),            // band 1 (1-15 days) 2 + 复议 2 × 2 = 4: 100 - 6 = 94, tied with 戊局
            Entry(7, "庚局", "not_due"),            // the deadline not passed: not scored, not ranked
            Entry(8, "辛局", "late", 40, "city:36"), // another group: band 3 10 + 7 arithmetic (5) + 3 雷同 (5, 5, then 0 at the cap of 10) + 4 sections (2, 2, 2, then 0): 100 - 31 = 69
        ];
        AssessedProblem[] problems =
        [
            .. Many(2, "completeness", 1), .. Many(4, "arithmetic", 7), .. Many(4, "resemblance", 1),
            .. Many(8, "arithmetic", 7), .. Many(8, "resemblance", 3), .. Many(8, "completeness", 4),
        ];
        Correction[] corrections =
        [
            new() { EntityKey = 5, Proceeding = "review", Count = 2 }, new() { EntityKey = 5, Proceeding = "litigation_direct", Count = 1 },
            new() { EntityKey = 5, Proceeding = "litigation_after_review", Count = 1 }, new() { EntityKey = 6, Proceeding = "review", Count = 2 },
        ];

        var scores = AssessmentScorer.Score(Read(), entries, problems, corrections).ToDictionary(s => s.Entry.Agency);

        scores.Select(s => (s.Key, s.Value.Score)).ShouldBe(
            [("甲局", 100m), ("乙局", 93m), ("丙局", 80m), ("丁局", 90m), ("戊局", 94m), ("己局", 94m), ("庚局", null), ("辛局", 69m)], ignoreOrder: true);

        // Competition ranks in 赣州市·县级: 100, 94, 94, 93, 90, 80 → 1, 2, 2, 4, 5, 6 of 6 scored; 辛局 alone in its group.
        scores.Select(s => (s.Key, s.Value.Rank, s.Value.Ranked)).ShouldBe(
            [("甲局", 1, 6), ("戊局", 2, 6), ("己局", 2, 6), ("乙局", 4, 6), ("丁局", 5, 6), ("丙局", 6, 6), ("庚局", null, null), ("辛局", 1, 1)], ignoreOrder: true);
        scores["戊局"].RankNote.ShouldBe("并列第 2 名：与「己局」同为 94 分。");
        scores["甲局"].RankNote.ShouldBeNull();
        scores["庚局"].ScoreNote.ShouldBe("未到报送期限（2025-01-31），暂不评分。");

        // Every deduction names its reason: the problem, the rule, the cap.
        scores["乙局"].Deductions.Select(d => d.Reason).ShouldBe(["逾期发布：逾期 20 天发布。按第 2 档（逾期 16-30 天）扣 5 分。", "内容缺项：第 1 处问题。扣 2 分（本项最多扣 6 分）。"]);
        scores["丁局"].Deductions.Count(d => d.Kind == "arithmetic").ShouldBe(7);
        scores["丁局"].Deductions.Where(d => d.Kind == "arithmetic").Select(d => d.Points).ShouldBe([1m, 1m, 1m, 1m, 1m, 0m, 0m]);
        scores["丁局"].Deductions[5].Reason.ShouldBe("数据不一致：第 6 处问题。应扣 1 分，本项已扣满 5 分，不再扣分。");
        scores["戊局"].Deductions.Select(d => (d.Points, d.Reason)).ShouldBe(
        [
            (4m, "复议诉讼纠错：行政复议结果纠正 2 件。每件扣 2 分，扣 4 分（本项最多扣 6 分）。"),
            (2m, "复议诉讼纠错：行政诉讼（未经复议直接起诉）结果纠正 1 件。每件扣 2 分，扣 2 分（本项最多扣 6 分）。"),
            (0m, "复议诉讼纠错：行政诉讼（复议后起诉）结果纠正 1 件。每件扣 2 分，应扣 2 分，本项已扣满 6 分，不再扣分。"),
        ]);
        scores["丙局"].Deductions.Single().Reason.ShouldBe("未发布：2024 年度报告未发布（期限 2025-01-31）。扣 20 分。");
        scores["辛局"].Deducted.ShouldBe(31m);
        scores["辛局"].Deductions.Sum(d => d.Points).ShouldBe(31m);
    }

    [Fact]
    public void A_score_does_not_fall_below_the_floor_and_says_so_and_lateness_may_cost_points_per_day()
    {
        var perDay = Read(Scheme.Replace("""
                bands:
                  - { from: 1, to: 15, points: 2 }
                  - { from: 16, to: 30, points: 5 }
                  - { from: 31, points: 10 }
            """, "    per_day: 0.5\n    cap: 8\n", StringComparison.Ordinal)) with { Floor = 95 };

        var s = AssessmentScorer.Score(perDay, [Entry(1, "甲局", "late", 12)], [], []).Single();

        // 12 days × 0.5 = 6 points: 94, below the floor of 95.
        s.Deducted.ShouldBe(6m);
        s.Score.ShouldBe(95m);
        s.ScoreNote.ShouldBe("扣分合计 6 分，按最低分 95 分计。");
        s.Deductions.Single().Reason.ShouldBe("逾期发布：逾期 12 天发布。每逾期 1 天扣 0.5 分，扣 6 分（本项最多扣 8 分）。");
    }

    [Fact]
    public void A_scheme_with_mistakes_names_each_with_its_line_and_the_nearest_key()
    {
        var problems = Problems("""
            title: 有错的方案
            base: 100
            deductions:
              arithmatic: { points: 1 }
              missing: { points: -5 }
              resemblance: { points: 5, cap: 10, capp: 3 }
              late:
                bands:
                  - { from: 1, to: 15, points: 2 }
                  - { from: 10, to: 30, points: 5 }
                  - { from: 40, points: 10 }
            """);

        problems.ShouldContain(p => p.Contains(":4:", StringComparison.Ordinal) && p.Contains("unknown key 'arithmatic'", StringComparison.Ordinal) && p.Contains("did you mean 'arithmetic'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains(":5:", StringComparison.Ordinal) && p.Contains("points should be 0 or more", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains(":6:", StringComparison.Ordinal) && p.Contains("did you mean 'cap'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains(":10:", StringComparison.Ordinal) && p.Contains("overlaps", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains(":11:", StringComparison.Ordinal) && p.Contains("fall in no band", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("title: x\nbase: 100\nfloor: 100\ndeductions:\n  missing: { points: 1 }\n", "floor (100) should be below base (100)")]
    [InlineData("title: x\ndeductions:\n  arithmetic: { per_day: 1 }\n", "per_day and bands are for late only")]
    [InlineData("title: x\ndeductions:\n  late: { points: 1, per_day: 1 }\n", "give one of points:, per_day: and bands:")]
    [InlineData("title: x\ndeductions:\n  late:\n    bands:\n      - { from: 2, points: 1 }\n", "the first band should begin at 1 day late")]
    [InlineData("title: x\ndeductions:\n  late:\n    bands:\n      - { from: 1, to: 5, points: 1 }\n", "the last band should leave out to:")]
    [InlineData("title: x\ndeductions:\n  late:\n    bands:\n      - { from: 1, points: 1 }\n      - { from: 5, points: 2 }\n", "only the last band may leave out to:")]
    [InlineData("title: x\n", "deductions: is missing")]
    public void A_scheme_is_refused_for_each_mistake_of_its_rules(string yaml, string says)
    {
        Problems(yaml).ShouldContain(p => p.Contains(says, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_year_is_assessed_in_the_warehouse_from_the_register_with_a_reason_for_every_deduction()
    {
        using var w = NewWarehouse();
        var files = new[] { "赣县区商务局", "赣县区教育局" }.Select((a, i) => w.Write($"r{i}.txt", SeedReports.As(a, 2023))).ToList();
        (await w.Ingest().IngestAsync(files, new IngestOptions(), null, Ct)).Rejected.ShouldBeEmpty();
        var service = new AssessmentService(w.Database, TimeProvider.System);
        (await Should.ThrowAsync<AssessmentException>(() => service.AssessAsync(Read(), 2023, Ct))).Message.ShouldStartWith("还没有应报名单");

        var roster = Path.Combine(w.Folder, "roster.csv");
        await File.WriteAllTextAsync(roster, "单位名称,地区,机关类型\n赣县区商务局,赣县区,政府部门\n赣县区教育局,赣县区,政府部门\n赣县区审计局,赣县区,政府部门\n", Ct);
        await new RosterService(w.Database, TimeProvider.System).ImportAsync(roster, 2023, Ct);
        (await Should.ThrowAsync<AssessmentException>(() => service.AssessAsync(Read(), 2022, Ct))).Message.ShouldStartWith("2022 年度不在应报名单");

        var summary = await service.AssessAsync(Read(), 2023, Ct);

        // The two reports are the same text (同地区雷同, 5 each; their dates cannot be told: no lateness); 审计局 published none (未发布, 20).
        summary.Scored.ShouldBe(3);
        await using var c = await w.OpenAsync();
        var rows = (await c.QueryAsync<(string Agency, string RankGroup, string Status, double Score, long Rank, long Ranked)>(
            "select agency, rank_group, status_label, score, rank, ranked from v_assessment_score where year = 2023 order by rank, agency")).ToList();
        rows.ShouldBe(
        [
            ("赣县区商务局", "赣州市·县级", "未注明日期", 95, 1L, 3L),
            ("赣县区教育局", "赣州市·县级", "未注明日期", 95, 1L, 3L),
            ("赣县区审计局", "赣州市·县级", "未发布", 80, 3L, 3L),
        ]);
        var reasons = (await c.QueryAsync<(string Agency, string Kind, double Points, string Reason)>(
            "select agency, kind_label, points, reason from v_assessment_deduction where year = 2023 order by agency, seq")).ToList();
        reasons.Select(r => (r.Agency, r.Kind, r.Points)).ShouldBe([("赣县区商务局", "雷同", 5), ("赣县区审计局", "未发布", 20), ("赣县区教育局", "雷同", 5)]);
        reasons.ShouldAllBe(r => r.Reason.Contains("扣 ", StringComparison.Ordinal));

        // Assessing again replaces the year's rows.
        await service.AssessAsync(Read(), 2023, Ct);
        (await w.CountAsync("assessment_deduction")).ShouldBe(3);
    }
}

/// <summary>The same tests on SQL Server (<c>WAREHOUSE_SQLSERVER</c>; skipped when it is not set).</summary>
public sealed class SqlServerAssessmentTests : AssessmentTests
{
    protected override TempWarehouse NewWarehouse() => TempWarehouse.OnSqlServer();
}
