namespace Warehouse.Core;

public static class DisposalCategories
{
    public static readonly IReadOnlyList<DisposalCategory> All =
    [
        new(1, "new_received", "一、本年新收政府信息公开申请数量", "flow", true, true),
        new(2, "carried_over", "二、上年结转政府信息公开申请数量", "flow", true, true),
        new(3, "granted", "（一）予以公开", "granted", true, true),
        new(4, "partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partial", true, true),
        new(5, "denied_state_secret", "1.属于国家秘密", "denied", true, true),
        new(6, "denied_prohibited_by_law", "2.其他法律行政法规禁止公开", "denied", true, true),
        new(7, "denied_three_safeties_one_stability", "3.危及“三安全一稳定”", "denied", true, true),
        new(8, "denied_third_party_rights", "4.保护第三方合法权益", "denied", true, true),
        new(9, "denied_internal_affairs", "5.属于三类内部事务信息", "denied", true, true),
        new(10, "denied_process_information", "6.属于四类过程性信息", "denied", true, true),
        new(11, "denied_law_enforcement_file", "7.属于行政执法案卷", "denied", true, true),
        new(12, "denied_administrative_inquiry", "8.属于行政查询事项", "denied", true, true),
        new(13, "unavailable_not_held", "1.本机关不掌握相关政府信息", "unavailable", true, true),
        new(14, "unavailable_needs_creation", "2.没有现成信息需要另行制作", "unavailable", true, true),
        new(15, "unavailable_still_unclear", "3.补正后申请内容仍不明确", "unavailable", true, true),
        new(16, "not_processed_petition", "1.信访举报投诉类申请", "not_processed", true, true),
        new(17, "not_processed_duplicate", "2.重复申请", "not_processed", true, true),
        new(18, "not_processed_publication", "3.要求提供公开出版物", "not_processed", true, true),
        new(19, "not_processed_excessive", "4.无正当理由大量反复申请", "not_processed", true, true),
        new(20, "not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息", "not_processed", true, true),
        new(21, "other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other", false, true),
        new(22, "other_fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other", false, true),
        new(23, "other_other", "3.其他", "other", true, true),
        new(24, "total_processed", "（七）总计", "total", true, true),
        new(25, "carried_forward", "四、结转下年度继续办理", "flow", true, true),
    ];

    /// <summary>The group headings of rows 5-23, as printed in the template's second label column.</summary>
    public static readonly IReadOnlyDictionary<string, string> GroupLabels = new Dictionary<string, string>
    {
        ["denied"] = "（三）不予公开",
        ["unavailable"] = "（四）无法提供",
        ["not_processed"] = "（五）不予处理",
        ["other"] = "（六）其他处理",
    };

    private static readonly Dictionary<string, DisposalCategory> ByCode = All.ToDictionary(c => c.Code);

    public static DisposalCategory Get(string code) =>
        ByCode.TryGetValue(code, out var c) ? c : throw new ArgumentException($"Unknown disposal category '{code}'.", nameof(code));

    public static bool IsKnown(string code) => ByCode.ContainsKey(code);

    private static readonly DisposalCategory[] For2019 = All.Where(c => c.In2019).ToArray();
    private static readonly DisposalCategory[] For2021 = All.Where(c => c.In2021).ToArray();

    public static IReadOnlyList<DisposalCategory> For(Template template) => template == Template.Template2019 ? For2019 : For2021;

    /// <summary>Rows 3-23: the outcomes that add up to the total row (rule 2).</summary>
    public static IEnumerable<DisposalCategory> Outcomes(Template template) =>
        For(template).Where(c => c.Number is >= 3 and <= 23);
}
