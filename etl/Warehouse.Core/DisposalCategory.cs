namespace Warehouse.Core;

/// <summary>One row of table 三 (收到和处理政府信息公开申请情况): the disposal-category dimension.</summary>
/// <param name="Number">1-based position in the 2021 template.</param>
/// <param name="Group">granted, partial, denied, unavailable, not_processed, other, total, flow.</param>
public sealed record DisposalCategory(
    int Number,
    string Code,
    string Label,
    string Group,
    bool In2019,
    bool In2021)
{
    public bool InTemplate(Template template) => template == Template.Template2019 ? In2019 : In2021;
}
