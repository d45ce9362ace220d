using Warehouse.Export.Dashboards;

namespace Warehouse.Export;

/// <summary>
/// A rate's definition as the cover prints it: its name, what it divides (in the template's
/// words), and, for a rate that can pass 100% or fall below 0, why.
/// </summary>
public sealed record RateDefinition(string Field, string Name, string Definition, string? Note = null);

/// <summary>
/// The rates of the views (<c>sql/&lt;dialect&gt;/views/</c>) and the differences of rates, each
/// defined once: every rate a workbook shows is defined on its cover, and the dashboard checker
/// refuses a rate with no definition here (or none of its own, <c>definition:</c>).
/// </summary>
public static class Rates
{
    private const string Decided = "“（七）总计”（第三部分第 24 行，总计列）";

    public static readonly IReadOnlyList<RateDefinition> All =
    [
        new("disclosure_rate", "公开率", $"（“（一）予以公开” + “（二）部分公开”）÷ {Decided}"),
        new("denied_rate", "不予公开率", $"“（三）不予公开”各项（第 5–12 行）之和 ÷ {Decided}"),
        new("unavailable_rate", "无法提供率", $"“（四）无法提供”各项（第 13–15 行）之和 ÷ {Decided}"),
        new("share_identical", "相同比例", "该报告文字（连续 5 个字的片段）出现在对象报告中的比例；表三照搬记为 100%"),
        new("not_processed_rate", "不予处理率", $"“（五）不予处理”各项（第 16–20 行）之和 ÷ {Decided}"),
        new("other_processed_rate", "其他处理率", $"“（六）其他处理”各项（第 21–23 行）之和 ÷ {Decided}"),
        new("carry_over_rate", "结转率", "“四、结转下年度继续办理” ÷（“一、本年新收” + “二、上年结转”）"),
        new("review_correction_rate", "复议纠错率", "第四部分行政复议“结果纠正” ÷ 行政复议“总计”"),
        new("litigation_correction_rate", "诉讼纠错率", "第四部分行政诉讼（未经复议直接起诉、复议后起诉）“结果纠正”之和 ÷ 其“总计”之和"),
        new("overall_correction_rate", "纠错率（综合纠错率）", "第四部分行政复议、行政诉讼“结果纠正”之和 ÷ 复议、诉讼“总计”之和"),
        new("dispute_rate", "争议转化率", "（行政复议“总计” + 行政诉讼“总计”）÷ “一、本年新收政府信息公开申请数量”",
            "可超过 100%：本年的复议、诉讼也可针对以前年度的申请，一件申请复议后又起诉计为两件，分子不都出自本年新收的申请。"),
        new("on_time_rate", "按时发布率", "次年 1 月 31 日前发布年度报告的机关数 ÷ 应发布的机关数（本年度有报告，或上一年度有报告的机关；规则 6）；未注明日期、未发布的不计为按时"),
        new("roster_on_time_rate", "按时发布率（应报名单）", "按时发布的机关数 ÷ 应报机关数（应报名单）：应报机关为当年应报名单上的机关，按时为在所在地区的报送期限（次年 1 月 31 日，或登记的延期）前发布；逾期、未注明日期、未发布、无法核实和未到期限的都不计为按时"),
        new("coverage_rate", "报告覆盖率", "收到报告的机关数 ÷ 应报机关数（应报名单）：收到报告指数据仓库中有与应报名单上该机关匹配的报告（按名称、别名和地区），不论是否按时"),
        new("share_of_denied", "占不予公开比例", "该不予公开理由的件数 ÷ “（三）不予公开”各项之和"),
        new("share_of_decided", "占办结比例", $"该不予公开理由的件数 ÷ {Decided}"),
        new("applications_change_rate", "受理申请数变化率", "（本年受理申请数 − 上年受理申请数）÷ 上年受理申请数；受理申请数 = 本年新收 + 上年结转",
            "可超过 100%：受理申请数比上年多一倍以上即超过 100%，上年基数小时常见；减少时为负，最低 −100%。"),
        new("disclosure_rate_change_points", "公开率变化（百分点）", "本年公开率 − 上年公开率，单位为百分点：两个比率之差是百分点，不是百分比（50% 降到 40% 是下降 10 个百分点，即下降 20%）"),
        new("licensing_penalty_ratio", "许可处罚比", "行政许可决定数 ÷ 行政处罚决定数",
            "是倍数而非百分比，常大于 1。"),
    ];

    private static readonly Dictionary<string, RateDefinition> ByField = All.ToDictionary(r => r.Field, StringComparer.Ordinal);

    public static RateDefinition? Find(string field) => ByField.GetValueOrDefault(field);

    /// <summary>A column a cover must define: a rate or share (<see cref="DashboardChecker.IsRate"/>), a difference of rates in points, or anything shown as a percentage.</summary>
    public static bool NeedsDefinition(string field, string? format) =>
        DashboardChecker.IsRate(field) || field.EndsWith("_points", StringComparison.Ordinal) || format == "percent" || (format?.Contains('%', StringComparison.Ordinal) ?? false);
}
