namespace Warehouse.Core;

/// <summary>
/// The template's own words for its tables, rows and columns, for messages users read:
/// "表三「（七）总计」自然人列", "表四「行政复议」结果纠正", "表二「行政规范性文件」本年制发件数".
/// </summary>
public static class CellNames
{
    public const string Table2 = "表二";
    public const string Table3 = "表三";
    public const string Table4 = "表四";

    private static readonly Dictionary<string, string> ActiveItems = new()
    {
        ["regulations"] = "规章",
        ["normative_documents"] = "行政规范性文件",
        ["licensing"] = "行政许可",
        ["other_services"] = "其他对外管理服务事项",
        ["penalty"] = "行政处罚",
        ["enforcement"] = "行政强制",
        ["fees"] = "行政事业性收费",
        ["procurement"] = "政府集中采购",
    };

    private static readonly Dictionary<string, string> Proceedings = new()
    {
        ["review"] = "行政复议",
        ["litigation_direct"] = "行政诉讼（未经复议直接起诉）",
        ["litigation_after_review"] = "行政诉讼（复议后起诉）",
    };

    /// <summary>A row of table 三 as the template prints it, without the long note of row 4: "（二）部分公开".</summary>
    public static string ApplicationLabel(string code)
    {
        var label = DisposalCategories.Get(code).Label;
        var note = label.IndexOf("（区分", StringComparison.Ordinal);
        return note > 0 ? label[..note] : label;
    }

    /// <summary>"表三「（三）不予公开 2.其他法律行政法规禁止公开」": sub-rows carry their group, as the printed table does.</summary>
    public static string ApplicationRow(string code)
    {
        var category = DisposalCategories.Get(code);
        var label = ApplicationLabel(code);
        return DisposalCategories.GroupLabels.TryGetValue(category.Group, out var group)
            ? $"{Table3}「{group} {label}」"
            : $"{Table3}「{label}」";
    }

    /// <summary>"表三「（七）总计」自然人列".</summary>
    public static string ApplicationCell(string code, int column) => $"{ApplicationRow(code)}{ApplicantTypes.All[column].Label}列";

    /// <summary>"表三「（六）其他处理」" for a group printed as one row.</summary>
    public static string ApplicationGroup(string group) => $"{Table3}「{DisposalCategories.GroupLabels[group]}」";

    /// <summary>"表四「行政复议」".</summary>
    public static string ReviewRow(string proceeding) => $"{Table4}「{Proceedings[proceeding]}」";

    /// <summary>"表四「行政复议」结果纠正" for the flat index (0-14) of the table.</summary>
    public static string ReviewCell(int index) =>
        $"{ReviewRow(ReviewLitigation.Proceedings[index / 5])}{ReviewLitigation.OutcomeLabels[index % 5]}";

    /// <summary>"表二「行政规范性文件」".</summary>
    public static string ActiveRow(string item) => $"{Table2}「{ActiveItems.GetValueOrDefault(item, item)}」";

    /// <summary>The Chinese name of a table 二 item ("行政规范性文件").</summary>
    public static string ActiveItem(string item) => ActiveItems.GetValueOrDefault(item, item);
}
