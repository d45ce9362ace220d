using Warehouse.Core;
using Warehouse.Data;

namespace Warehouse.Cli;

/// <summary>
/// How parse, validate and status print a finding: one line, Chinese first, the same text in
/// all three ("错误 表三「（七）总计」自然人列为 12，但各办理结果之和为 11（总计行）。…"). The message
/// names the table, row and column as the template prints them, the expected and the actual
/// value; the line adds the severity and, when the message does not name it, the rule's Chinese name.
/// </summary>
internal static class FindingText
{
    /// <summary>The Chinese names of the rules (docs/parse-json.md lists the codes).</summary>
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["balance"] = "收支平衡",
        ["total_row"] = "总计行",
        ["total_column"] = "总计列",
        ["review_total"] = "复议诉讼合计",
        ["prose_table"] = "文表一致",
        ["completeness"] = "完整性",
        ["table_blank"] = "完整性",
        ["missing_row"] = "缺行",
        ["missing_cells"] = "缺数",
        ["extra_cells"] = "多数",
        ["unreadable_cell"] = "无法读取的数",
        ["unrecognised_row"] = "无法识别的行",
        ["derived_value"] = "推算值",
        ["cells_run_together"] = "数字连写",
        ["cells_ambiguous"] = "多种读法",
        ["cells_wrapped"] = "数字折行",
        ["cells_stacked"] = "数格相叠",
        ["cells_placed"] = "空白格的列由勾稽关系确定",
        ["label_misprinted"] = "行名误印",
        ["heading_misprinted"] = "章节标题误印",
        ["heading_worded"] = "章节标题用词不同",
        ["total_blank"] = "总计未填",
        ["blank_row"] = "空白行按 0 读取",
        ["group_collapsed"] = "分组合并打印",
        ["table_scrambled"] = "表格错乱",
        ["table_reordered"] = "表格排回",
        ["unit_converted"] = "单位换算",
        ["duplicate_row"] = "重复行",
        ["row_not_in_template"] = "模板外的行",
        ["template_mixed"] = "模板混用",
        ["region_unresolved"] = "地区未识别",
        ["region_ambiguous"] = "地区有歧义",
        ["another_report"] = "多份报告",
        ["span_repeated"] = "合并单元格重复",
        ["span_empty"] = "合并单元格的空位",
        ["text_garbled"] = "文字部分乱码",
        ["ocr_text_layer"] = "扫描件的识别文字",
        ["items_figure_lost"] = "公开条数缺失",
    };

    /// <summary>The rule's Chinese name, or its code when it has none.</summary>
    public static string RuleName(string rule) => Names.GetValueOrDefault(rule, rule);

    public static string SeverityName(Severity s) => s == Severity.Error ? "错误" : "警告";

    /// <summary>"错误 表三「（七）总计」自然人列为 12，但各办理结果之和为 11（总计行）。Column 自然人: …".</summary>
    public static string Line(Finding f)
    {
        var name = RuleName(f.Rule);
        var named = f.Message.Contains(name, StringComparison.Ordinal);
        return $"{SeverityName(f.Severity)} {(named ? "" : $"〔{name}〕")}{f.Message}";
    }

    /// <summary>A finding as the warehouse stored it.</summary>
    public static Finding From(StoredFinding f) => new(
        f.RuleCode,
        f.Severity == "error" ? Severity.Error : Severity.Warning,
        f.Message,
        f.RowCode,
        f.ColumnCode,
        f.Expected is { } e ? (decimal)e : null,
        f.Actual is { } a ? (decimal)a : null);

    /// <summary>The finding for JSON: its codes, the Chinese names of its rule, and the printed line.</summary>
    public static object Json(Finding f) => new
    {
        rule = f.Rule,
        rule_name = RuleName(f.Rule),
        severity = f.Severity == Severity.Error ? "error" : "warning",
        message = f.Message,
        row = f.Row,
        column = f.Column,
        expected = f.Expected,
        actual = f.Actual,
        text = Line(f),
    };
}
