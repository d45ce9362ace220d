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
        void Group(string article, params string[] header) =>
            rows.Add([new GridCell(article, ColSpan: 4)]);
        void Header(params string[] names) => rows.Add(Spread(names.Select(n => new GridCell(n)).ToList()));
        void Row(string label, params decimal?[] values) =>
            rows.Add(Spread([new GridCell(label), .. values.Select(v => GridCell.Number(v ?? 0))]));

        if (r.Template == Template.Template2021)
        {
            Group("第二十条第（一）项");
            Header("信息内容", "本年制发件数", "本年废止件数", "现行有效件数");
            Row("规章", a.Regulations.Issued, a.Regulations.Repealed, a.Regulations.InForce);
            Row("行政规范性文件", a.NormativeDocuments.Issued, a.NormativeDocuments.Repealed, a.NormativeDocuments.InForce);
            Group("第二十条第（五）项");
            Header("信息内容", "本年处理决定数量");
            Row("行政许可", a.Licensing);
            Group("第二十条第（六）项");
            Header("信息内容", "本年处理决定数量");
            Row("行政处罚", a.Penalty);
            Row("行政强制", a.Enforcement);
            Group("第二十条第（八）项");
            Header("信息内容", "本年收费金额（单位：万元）");
            Row("行政事业性收费", a.Fees10kYuan);
        }
        else
        {
            var c = a.Template2019Columns!;
            decimal?[] Values(string item, params string[] names) => names.Select(n => c[$"{item}.{n}"]).ToArray();
            Group("第二十条第（一）项");
            Header("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量");
            Row("规章", Values("regulations", "new_made", "new_published", "total_published"));
            Row("规范性文件", Values("normative_documents", "new_made", "new_published", "total_published"));
            Group("第二十条第（五）项");
            Header("信息内容", "上一年项目数量", "本年增/减", "处理决定数量");
            Row("行政许可", Values("licensing", "last_year_items", "change", "decisions"));
            Row("其他对外管理服务事项", Values("other_services", "last_year_items", "change", "decisions"));
            Group("第二十条第（六）项");
            Header("信息内容", "上一年项目数量", "本年增/减", "处理决定数量");
            Row("行政处罚", Values("penalty", "last_year_items", "change", "decisions"));
            Row("行政强制", Values("enforcement", "last_year_items", "change", "decisions"));
            Group("第二十条第（八）项");
            Header("信息内容", "上一年项目数量", "本年增/减");
            Row("行政事业性收费", Values("fees", "last_year_items", "change"));
            Group("第二十条第（九）项");
            Header("信息内容", "采购项目数量", "采购总金额");
            Row("政府集中采购", Values("procurement", "projects", "amount_10k_yuan"));
        }

        return new Grid(ActiveName, 4, rows);
    }

    // A row with fewer than four cells lets its last cell span the rest.
    private static List<GridCell> Spread(List<GridCell> cells)
    {
        if (cells.Count < 4) cells[^1] = cells[^1] with { ColSpan = 4 - cells.Count + 1 };
        return cells;
    }

    public static Grid Applications(Report r)
    {
        var t = r.Applications;
        IEnumerable<GridCell> Values(string code) => t.Row(code)!.Select(v => GridCell.Number(v ?? 0));
        var rows = new List<IReadOnlyList<GridCell>>();
        rows.Add([new GridCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), new GridCell("申请人情况", ColSpan: 7)]);
        rows.Add([new GridCell("自然人", RowSpan: 2), new GridCell("法人或其他组织", ColSpan: 5), new GridCell("总计", RowSpan: 2)]);
        rows.Add([new("商业企业"), new("科研机构"), new("社会公益组织"), new("法律服务机构"), new("其他")]);
        rows.Add([new GridCell("一、本年新收政府信息公开申请数量", ColSpan: 3), .. Values("new_received")]);
        rows.Add([new GridCell("二、上年结转政府信息公开申请数量", ColSpan: 3), .. Values("carried_over")]);

        var outcomes = DisposalCategories.Outcomes(r.Template).ToList();
        var resultRows = outcomes.Count + 1;
        var first = true;
        string? group = null;
        foreach (var category in outcomes.Append(DisposalCategories.Get("total_processed")))
        {
            var cells = new List<GridCell>();
            if (first) cells.Add(new GridCell("三、本年度办理结果", RowSpan: resultRows));
            first = false;
            var single = category.Group is "granted" or "partial" or "total" || (category.Group == "other" && r.Template == Template.Template2019);
            if (single)
            {
                cells.Add(new GridCell(category.Group == "other" ? DisposalCategories.GroupLabels["other"] : category.Label, ColSpan: 2));
            }
            else
            {
                if (category.Group != group)
                {
                    cells.Add(new GridCell(DisposalCategories.GroupLabels[category.Group], RowSpan: outcomes.Count(o => o.Group == category.Group)));
                }

                cells.Add(new GridCell(category.Label));
            }

            group = category.Group;
            cells.AddRange(Values(category.Code));
            rows.Add(cells);
        }

        rows.Add([new GridCell("四、结转下年度继续办理", ColSpan: 3), .. Values("carried_forward")]);
        return new Grid(ApplicationsName, 10, rows);
    }

    public static Grid Review(Report r)
    {
        var labels = ReviewLitigation.OutcomeLabels;
        return new Grid(ReviewName, 15,
        [
            [new GridCell("行政复议", ColSpan: 5), new GridCell("行政诉讼", ColSpan: 10)],
            [.. labels.Select(l => new GridCell(l, RowSpan: 2)), new GridCell("未经复议直接起诉", ColSpan: 5), new GridCell("复议后起诉", ColSpan: 5)],
            [.. labels.Concat(labels).Select(l => new GridCell(l))],
            [.. r.ReviewLitigation.Flatten().Select(v => GridCell.Number(v ?? 0))],
        ]);
    }
}
