namespace Warehouse.Register.Assessment;

/// <summary>
/// Scores a year of the register with a scheme: pure, the register's rows in, each agency's
/// deductions (each naming its reason), score and rank out. Docs: docs/register.md (考核).
/// </summary>
public static class AssessmentScorer
{
    /// <summary>The register's problem kinds scored one deduction per problem (lateness and 未发布 are scored from the entry's status).</summary>
    private static readonly string[] PerProblem = ["arithmetic", "resemblance", "completeness", "prose_table"];

    /// <summary>Table 四's proceedings in the template's order.</summary>
    private static readonly string[] Proceedings = ["review", "litigation_direct", "litigation_after_review"];

    public static IReadOnlyList<AgencyScore> Score(AssessmentScheme scheme, IReadOnlyList<AssessedEntry> entries, IReadOnlyList<AssessedProblem> problems, IReadOnlyList<Correction> corrections)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(entries);
        var problemsOf = problems.ToLookup(p => p.EntityKey);
        var correctionsOf = corrections.ToLookup(c => c.EntityKey);
        var scored = entries.Select(e => Score(scheme, e, problemsOf[e.EntityKey].ToList(), correctionsOf[e.EntityKey].ToList())).ToList();
        return Rank(scored);
    }

    private static AgencyScore Score(AssessmentScheme scheme, AssessedEntry e, List<AssessedProblem> problems, List<Correction> corrections)
    {
        if (e.Status == "not_due")
        {
            return new AgencyScore(e, 0, null, $"未到报送期限（{e.Deadline}），暂不评分。", null, null, null, []);
        }

        var deductions = new List<Deduction>();
        var used = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Take(string kind, decimal points, string what, string how)
        {
            var rule = scheme.Rule(kind)!;
            var before = used.GetValueOrDefault(kind);
            var taken = rule.Cap is { } cap ? Math.Max(0, Math.Min(points, cap - before)) : points;
            used[kind] = before + taken;
            var p = AssessmentSchemeReader.Text(points);
            var t = AssessmentSchemeReader.Text(taken);
            var capped = rule.Cap is not { } c ? $"{how}扣 {p} 分。"
                : taken == points ? $"{how}扣 {p} 分（本项最多扣 {AssessmentSchemeReader.Text(c)} 分）。"
                : taken > 0 ? $"{how}应扣 {p} 分，本项最多扣 {AssessmentSchemeReader.Text(c)} 分，实扣 {t} 分。"
                : $"{how}应扣 {p} 分，本项已扣满 {AssessmentSchemeReader.Text(c)} 分，不再扣分。";
            deductions.Add(new Deduction(e.EntityKey, deductions.Count + 1, kind, taken, $"{AssessmentScheme.Label(kind)}：{what}{capped}"));
        }

        string? note = null;
        switch (e.Status)
        {
            case "missing" when scheme.Rule("missing") is { Points: { } points }:
                Take("missing", points, Detail(problems, "missing", $"{e.Year} 年度报告未发布（期限 {e.Deadline}）。"), "");
                break;
            case "unreadable" when scheme.Rule("unreadable") is { Points: { } points }:
                Take("unreadable", points, Detail(problems, "unreadable", $"收到的 {e.Year} 年度报告文件无法读取。"), "");
                break;
            case "late" when scheme.Rule("late") is { } late && e.DaysLate is { } days:
                var (latePoints, how) = Late(late, days);
                Take("late", latePoints, Detail(problems, "late", $"逾期 {days} 天发布。"), how);
                break;
            case "undated":
                note = "报告未注明发布日期，无法判断是否逾期，未扣逾期分。";
                break;
            case "crawl_failed":
                note = "门户网站抓取失败，无法核实是否发布，未扣未发布分。";
                break;
        }

        foreach (var p in problems.Where(p => PerProblem.Contains(p.Kind)).OrderBy(p => Array.IndexOf(PerProblem, p.Kind)).ThenBy(p => p.ProblemKey, StringComparer.Ordinal))
        {
            if (scheme.Rule(p.Kind) is { Points: { } points }) Take(p.Kind, points, p.Detail, "");
        }

        if (scheme.Rule("correction") is { Points: { } each })
        {
            foreach (var c in corrections.Where(c => c.Count > 0).OrderBy(c => Array.IndexOf(Proceedings, c.Proceeding)))
            {
                Take("correction", each * c.Count, $"{c.ProceedingLabel}结果纠正 {c.Count} 件。", $"每件扣 {AssessmentSchemeReader.Text(each)} 分，");
            }
        }

        var deducted = deductions.Sum(d => d.Points);
        var score = scheme.Base - deducted;
        if (score < scheme.Floor)
        {
            note = $"扣分合计 {AssessmentSchemeReader.Text(deducted)} 分，按最低分 {AssessmentSchemeReader.Text(scheme.Floor)} 分计。";
            score = scheme.Floor;
        }

        return new AgencyScore(e, deducted, score, note, null, null, null, deductions);
    }

    /// <summary>The points of a report <paramref name="days"/> late, and how they were reached (its band, or the rate per day).</summary>
    private static (decimal Points, string How) Late(DeductionRule rule, int days)
    {
        if (rule.Bands.Count > 0)
        {
            var i = rule.Bands.ToList().FindIndex(b => days >= b.From && (b.To is null || days <= b.To));
            var band = rule.Bands[i];
            return (band.Points, $"按第 {i + 1} 档（逾期 {band.Days}）");
        }

        if (rule.PerDay is { } perDay) return (perDay * days, $"每逾期 1 天扣 {AssessmentSchemeReader.Text(perDay)} 分，");
        return (rule.Points ?? 0, "");
    }

    private static string Detail(List<AssessedProblem> problems, string kind, string otherwise) =>
        problems.FirstOrDefault(p => p.Kind == kind)?.Detail ?? otherwise;

    /// <summary>
    /// Competition ranking (1, 2, 2, 4) within each rank group, by score, highest first: agencies
    /// with the same score share a rank, and the next rank skips as many places as they fill, so a
    /// rank always says how many agencies of the group scored higher. The note names who it is shared with.
    /// </summary>
    private static List<AgencyScore> Rank(List<AgencyScore> scores)
    {
        var ranked = new List<AgencyScore>();
        foreach (var group in scores.GroupBy(s => s.Entry.RankGroupCode, StringComparer.Ordinal))
        {
            var inGroup = group.Where(s => s.Score is not null).ToList();
            foreach (var s in group)
            {
                if (s.Score is not { } score)
                {
                    ranked.Add(s);
                    continue;
                }

                var rank = 1 + inGroup.Count(o => o.Score > score);
                var tied = inGroup.Where(o => o.Score == score && o.Entry.EntityKey != s.Entry.EntityKey).Select(o => $"「{o.Entry.Agency}」").Order(StringComparer.Ordinal).ToList();
                var note = tied.Count == 0 ? null
                    : $"并列第 {rank} 名：与{string.Join("", tied.Take(3))}{(tied.Count > 3 ? $"等 {tied.Count} 个单位" : "")}同为 {AssessmentSchemeReader.Text(score)} 分。";
                ranked.Add(s with { Rank = rank, Ranked = inGroup.Count, RankNote = note });
            }
        }

        return ranked.OrderBy(s => s.Entry.RankGroupCode, StringComparer.Ordinal).ThenBy(s => s.Rank ?? int.MaxValue).ThenBy(s => s.Entry.Agency, StringComparer.Ordinal).ToList();
    }
}
