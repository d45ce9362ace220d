using System.Diagnostics;
using System.Text;
using Warehouse.Validation.Similarity;

namespace Warehouse.Bench;

/// <summary>
/// What <c>bench resemblance</c> measured: <paramref name="Reports"/> reports' prose compared in
/// <paramref name="Elapsed"/>; of the copies planted (<paramref name="Planted"/>), how many were
/// found, and how many reports were flagged that were not copies (<paramref name="FalseAlarms"/>).
/// </summary>
public sealed record ResemblanceBenchResult(int Reports, int Regions, int Years, double MeanCharacters, TimeSpan Elapsed, int Planted, int Found, int FalseAlarms);

/// <summary>
/// 雷同 at a province's scale: generated prose for agencies × years in regions, with copies
/// planted (another agency's text of the same region and year, or the agency's own text of the
/// year before with new figures), compared by <see cref="ResemblanceFinder"/>. The goal: 10,000
/// reports in under a minute on this machine (issue 16).
/// </summary>
public static class ResemblanceBenchmark
{
    /// <summary>The goal for 10,000 reports, in seconds.</summary>
    public const double GoalSeconds = 60;

    /// <summary>Runs the comparison over generated prose: <paramref name="reports"/> reports in regions of 20 agencies reporting for 5 years.</summary>
    /// <param name="seed">The generator's seed: the same seed, the same prose.</param>
    public static ResemblanceBenchResult Run(int reports, int seed = 42)
    {
        const int agenciesPerRegion = 20, years = 5;
        var random = new Random(seed);
        var documents = new List<ProseDocument>(reports);
        var planted = new HashSet<long>();
        var agencies = Math.Max(1, reports / years);
        for (var a = 0; a < agencies && documents.Count < reports; a++)
        {
            var region = $"35{a / agenciesPerRegion:0000}";
            for (var y = 0; y < years && documents.Count < reports; y++)
            {
                var key = documents.Count + 1L;
                var dice = random.NextDouble();
                string text;
                if (dice < 0.02 && y > 0)
                {
                    // Last year's text, this year's figures.
                    text = Renumber(documents[^1].Text, random);
                    planted.Add(key);
                }
                else if (dice < 0.04 && a % agenciesPerRegion > 0)
                {
                    // Another agency's text of this region and year.
                    text = documents[documents.Count - years].Text;
                    planted.Add(key);
                }
                else
                {
                    text = Prose(random, 2024 - years + y);
                }

                documents.Add(new ProseDocument(key, $"A{a:00000}", region, 2020 + y, text));
            }
        }

        var clock = Stopwatch.StartNew();
        var found = ResemblanceFinder.Find(documents);
        clock.Stop();

        var flagged = found.Select(r => r.ReportKey).ToHashSet();
        var copiedFrom = found.Select(r => r.ResemblesReportKey).ToHashSet();

        // A planted copy flags the copy and, in the same year, its original too: that is no false alarm.
        var falseAlarms = flagged.Count(k => !planted.Contains(k) && !found.Any(r => r.ReportKey == k && planted.Contains(r.ResemblesReportKey)));
        return new ResemblanceBenchResult(documents.Count, (agencies + agenciesPerRegion - 1) / agenciesPerRegion, years, documents.Average(d => d.Text.Length),
            clock.Elapsed, planted.Count, planted.Count(flagged.Contains), falseAlarms);
    }

    private static readonly string[] Openings = ["本年度", "全年", "一年来", "报告期内", "今年以来", "截至年底"];
    private static readonly string[] Subjects = ["我单位", "本机关", "我局", "区政府办公室", "县人民政府", "本部门", "我委", "镇人民政府"];
    private static readonly string[] Verbs = ["深入贯彻", "认真落实", "持续推进", "不断完善", "全面加强", "积极探索", "扎实开展", "进一步规范", "稳步提升", "着力强化"];
    private static readonly string[] Objects =
    [
        "政府信息公开条例", "政务公开工作要点", "主动公开目录", "政策解读工作", "依申请公开办理流程", "政府网站集约化建设", "政务新媒体管理",
        "保密审查机制", "规范性文件清理", "基层政务公开标准化", "重点领域信息公开", "回应社会关切", "公开平台建设", "信息发布审核",
        "政府开放日活动", "政务公开专区", "办事指南编制", "行政执法公示", "财政预决算公开", "重大建设项目信息公开",
    ];

    private static readonly string[] Results = ["取得明显成效", "群众满意度不断提高", "公开质量稳步提升", "工作机制更加健全", "信息发布更加及时", "答复质量进一步提高"];
    private static readonly string[] Numbers = ["发布信息{0}条", "办理申请{0}件", "开展培训{0}次", "解读政策{0}篇", "回应关切{0}次", "更新目录{0}项"];

    /// <summary>About 1,500 characters of report prose, sentence by sentence from the banks above, as independent as real reports (a few percent of shingles shared).</summary>
    private static string Prose(Random random, int year)
    {
        var text = new StringBuilder();
        while (text.Length < 1500)
        {
            text.Append(Pick(random, Openings)).Append('，').Append(Pick(random, Subjects)).Append(Pick(random, Verbs)).Append(Pick(random, Objects))
                .Append('，').Append(Pick(random, Verbs)).Append(Pick(random, Objects)).Append('，')
                .Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(random, Numbers), random.Next(1, 5000)))
                .Append('，').Append(Pick(random, Results)).Append('。');
            if (random.Next(4) == 0) text.Append(year).Append("年，").Append(Pick(random, Subjects)).Append('将').Append(Pick(random, Verbs)).Append(Pick(random, Objects)).Append('。');
        }

        return text.ToString();
    }

    private static string Renumber(string text, Random random)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text) result.Append(char.IsAsciiDigit(c) ? (char)('0' + random.Next(10)) : c);
        return result.ToString();
    }

    private static string Pick(Random random, string[] bank) => bank[random.Next(bank.Length)];
}
