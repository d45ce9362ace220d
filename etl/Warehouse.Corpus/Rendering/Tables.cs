using Warehouse.Core;

namespace Warehouse.Corpus.Rendering;

/// <summary>The template's tables with their merged cells, filled with a report's values.</summary>
public static class Tables
{
    public const string ActiveName = "active";
    public const string ApplicationsName = "applications";
    public const string ReviewName = "review";

    public static Grid Active(Report r)
    {
        var a = r.ActiveDisclosure;
        var rows = new List<IReadOnlyList<GridCell>>();
        var keys = new List<string?>();
        void Group(string article, params string[] header)
        {
            rows.Add([new GridCell(article, ColSpan: 4)]);
            keys.Add(null);
        }

        void Header(params string[] names)
        {
            rows.Add(Spread(names.Select(n => new GridCell(n)).ToList()));
            keys.Add(null);
        }

        void Row(string item, string label, params decimal?[] values)
        {
            var amount = item == "fees" ? r.Template == Template.Template2021 : item == "procurement";
            rows.Add(Spread([new GridCell(label), .. values.Select((v, k) => GridCell.Number(v ?? 0) with { Unit = amount && k == values.Length - 1 ? "万元" : item switch { "regulations" => "件", "normative_documents" => "份", _ => "条" } })]));
            keys.Add(item);
        }

        if (r.Template == Template.Template2021)
        {
            Group("第二十条第（一）项");
            Header("信息内容", "本年制发件数", "本年废止件数", "现行有效件数");
            Row("regulations", "规章", a.Regulations.Issued, a.Regulations.Repealed, a.Regulations.InForce);
            Row("normative_documents", "行政规范性文件", a.NormativeDocuments.Issued, a.NormativeDocuments.Repealed, a.NormativeDocuments.InForce);
            Group("第二十条第（五）项");
            Header("信息内容", "本年处理决定数量");
            Row("licensing", "行政许可", a.Licensing);
            Group("第二十条第（六）项");
            Header("信息内容", "本年处理决定数量");
            Row("penalty", "行政处罚", a.Penalty);
            Row("enforcement", "行政强制", a.Enforcement);
            Group("第二十条第（八）项");
            Header("信息内容", "本年收费金额（单位：万元）");
            Row("fees", "行政事业性收费", a.Fees10kYuan);
        }
        else
        {
            var c = a.Template2019Columns!;
            decimal?[] Values(string item, params string[] names) => names.Select(n => c[$"{item}.{n}"]).ToArray();
            Group("第二十条第（一）项");
            Header("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量");
            Row("regulations", "规章", Values("regulations", Columns2019["regulations"]));
            Row("normative_documents", "规范性文件", Values("normative_documents", Columns2019["normative_documents"]));
            Group("第二十条第（五）项");
            Header("信息内容", "上一年项目数量", "本年增/减", "处理决定数量");
            Row("licensing", "行政许可", Values("licensing", Columns2019["licensing"]));
            Row("other_services", "其他对外管理服务事项", Values("other_services", Columns2019["other_services"]));
            Group("第二十条第（六）项");
            Header("信息内容", "上一年项目数量", "本年增/减", "处理决定数量");
            Row("penalty", "行政处罚", Values("penalty", Columns2019["penalty"]));
            Row("enforcement", "行政强制", Values("enforcement", Columns2019["enforcement"]));
            Group("第二十条第（八）项");
            Header("信息内容", "上一年项目数量", "本年增/减");
            Row("fees", "行政事业性收费", Values("fees", Columns2019["fees"]));
            Group("第二十条第（九）项");
            Header("信息内容", "采购项目数量", "采购总金额");
            Row("procurement", "政府集中采购", Values("procurement", Columns2019["procurement"]));
        }

        return new Grid(ActiveName, 4, rows) { Keys = keys };
    }

    /// <summary>The 2019 template's columns of table 二, per item, in printed order (keys of <see cref="ActiveDisclosure.Template2019Columns"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns2019 = new Dictionary<string, string[]>
    {
        ["regulations"] = ["new_made", "new_published", "total_published"],
        ["normative_documents"] = ["new_made", "new_published", "total_published"],
        ["licensing"] = ["last_year_items", "change", "decisions"],
        ["other_services"] = ["last_year_items", "change", "decisions"],
        ["penalty"] = ["last_year_items", "change", "decisions"],
        ["enforcement"] = ["last_year_items", "change", "decisions"],
        ["fees"] = ["last_year_items", "change"],
        ["procurement"] = ["projects", "amount_10k_yuan"],
    };

    // A row with fewer than four cells lets its last cell span the rest.
    private static List<GridCell> Spread(List<GridCell> cells)
    {
        if (cells.Count < 4) cells[^1] = cells[^1] with { ColSpan = 4 - cells.Count + 1 };
        return cells;
    }

    public static Grid Applications(Report r) => Applications(r, Quirks.None);

    /// <param name="quirks">Labels printed otherwise, a group printed as one row, a cell written "X余件".</param>
    public static Grid Applications(Report r, Quirks quirks)
    {
        var t = r.Applications;
        GridCell Cell(string code, int column)
        {
            var v = t[code, column] ?? 0;
            var cell = GridCell.Number(v) with { Unit = "件" };
            if (quirks.Misread is var (row, k, printed) && row == code && k == column) return cell with { Printed = printed };
            return quirks.Approximate == (code, column) ? cell with { Printed = $"{v / 10 * 10}余件" } : cell;
        }

        IEnumerable<GridCell> Values(string code) => Enumerable.Range(0, ApplicantTypes.Count).Select(c => Cell(code, c));
        var rows = new List<IReadOnlyList<GridCell>>();
        var keys = new List<string?> { null, null, null };
        rows.Add([new GridCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), new GridCell("申请人情况", ColSpan: 7)]);
        rows.Add([new GridCell("自然人", RowSpan: 2), new GridCell("法人或其他组织", ColSpan: 5), new GridCell("总计", RowSpan: 2)]);
        rows.Add([new("商业企业"), new("科研机构"), new("社会公益组织"), new("法律服务机构"), new("其他")]);
        rows.Add([new GridCell("一、本年新收政府信息公开申请数量", ColSpan: 3), .. Values("new_received")]);
        rows.Add([new GridCell("二、上年结转政府信息公开申请数量", ColSpan: 3), .. Values("carried_over")]);
        keys.Add("new_received");
        keys.Add("carried_over");

        var outcomes = DisposalCategories.Outcomes(r.Template).ToList();
        var collapsed = outcomes.Where(o => o.Group == quirks.Collapsed).ToList();
        var printed = outcomes.Count - Math.Max(0, collapsed.Count - 1);
        var resultRows = printed + 1;
        var first = true;
        string? group = null;
        foreach (var category in outcomes.Append(DisposalCategories.Get("total_processed")))
        {
            var previous = group;
            group = category.Group;
            var isCollapsed = category.Group == quirks.Collapsed;
            if (isCollapsed && category.Group == previous) continue;
            var cells = new List<GridCell>();
            if (first) cells.Add(new GridCell("三、本年度办理结果", RowSpan: resultRows));
            first = false;
            if (isCollapsed)
            {
                // Hongze 2024 prints （六）其他处理 as one row: the group's sums, no reasons.
                cells.Add(new GridCell(DisposalCategories.GroupLabels[category.Group], ColSpan: 2));
                cells.AddRange(Enumerable.Range(0, ApplicantTypes.Count).Select(c => GridCell.Number(collapsed.Sum(m => t[m.Code, c] ?? 0)) with { Unit = "件" }));
                rows.Add(cells);
                keys.Add("group:" + category.Group);
                continue;
            }

            var single = category.Group is "granted" or "partial" or "total" || (category.Group == "other" && r.Template == Template.Template2019);
            if (single)
            {
                cells.Add(new GridCell(category.Group == "other" ? DisposalCategories.GroupLabels["other"] : category.Label, ColSpan: 2));
            }
            else
            {
                if (category.Group != previous)
                {
                    cells.Add(new GridCell(DisposalCategories.GroupLabels[category.Group], RowSpan: outcomes.Count(o => o.Group == category.Group)));
                }

                cells.Add(new GridCell(quirks.Label(category)));
            }

            cells.AddRange(Values(category.Code));
            // Shanghai 2019 fills 总计 only in the frame rows: an outcome row's total is left blank.
            if (quirks.BlankTotals && category.Code != "total_processed") cells[^1] = cells[^1] with { Printed = "" };
            rows.Add(cells);
            keys.Add(category.Code);
        }

        rows.Add([new GridCell("四、结转下年度继续办理", ColSpan: 3), .. Values("carried_forward")]);
        keys.Add("carried_forward");
        return new Grid(ApplicationsName, 10, rows) { Keys = keys };
    }

    public static Grid Review(Report r)
    {
        var labels = ReviewLitigation.OutcomeLabels;
        return new Grid(ReviewName, 15,
        [
            [new GridCell("行政复议", ColSpan: 5), new GridCell("行政诉讼", ColSpan: 10)],
            [.. labels.Select(l => new GridCell(l, RowSpan: 2)), new GridCell("未经复议直接起诉", ColSpan: 5), new GridCell("复议后起诉", ColSpan: 5)],
            [.. labels.Concat(labels).Select(l => new GridCell(l))],
            [.. r.ReviewLitigation.Flatten().Select(v => GridCell.Number(v ?? 0) with { Unit = "件" })],
        ]) { Keys = [null, null, null, "review"] };
    }
}
