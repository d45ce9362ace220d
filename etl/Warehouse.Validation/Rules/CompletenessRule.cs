using Warehouse.Core;

namespace Warehouse.Validation.Rules;

/// <summary>Rule 9: every section and table is present; a blank table is not a table of zeros (warnings).</summary>
public sealed class CompletenessRule : IReportRule
{
    public IEnumerable<Finding> Check(Report report)
    {
        foreach (var section in report.Completeness.MissingSections)
        {
            yield return report.Completeness.Renumbered.TryGetValue(section, out var printed)
                ? Finding.Warning("completeness", $"章节「{section}」的编号与模板不同，印作「{printed}」（完整性）。Section {section} is numbered otherwise: '{printed}'.")
                : Finding.Warning("completeness", $"缺少章节「{section}」（完整性）。Section {section} is missing.");
        }

        foreach (var table in report.Completeness.MissingTables)
        {
            yield return Finding.Warning("completeness", $"缺少表格「{table}」（完整性）。Table {table} is missing.");
        }

        foreach (var table in report.Completeness.BlankTables)
        {
            yield return Finding.Warning("table_blank", $"表格「{table}」各格均为空白，按 0 读取，但报告并未写明为 0（完整性）。Table {table} is present but every cell is blank; it is read as zeros, which the report does not state.");
        }
    }
}
