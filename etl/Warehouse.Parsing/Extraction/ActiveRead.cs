using Warehouse.Core;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Extraction;

/// <summary>The rows of table 二 as found, with the column headings printed above them.</summary>
internal sealed class ActiveRead
{
    /// <summary>The three count columns of table 二's first rows (规章, 行政规范性文件), as the 2021 template prints them.</summary>
    public static readonly string[] CountColumns = ["本年制发件数", "本年废止件数", "现行有效件数"];

    /// <summary>
    /// The columns of a row of table 二 as <paramref name="template"/> heads them, for messages:
    /// 2019's 行政许可 is "上一年项目数量、本年增/减、处理决定数量", 2021's 行政规范性文件 is <see cref="CountColumns"/>.
    /// </summary>
    public static IReadOnlyList<string> ColumnNames(Template template, string item) => template == Template.Template2021
        ? item switch
        {
            "regulations" or "normative_documents" => CountColumns,
            "fees" => ["本年收费金额"],
            _ => ["本年处理决定数量"],
        }
        : item switch
        {
            "regulations" or "normative_documents" => ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
            "fees" => ["上一年项目数量", "本年增/减"],
            "procurement" => ["采购项目数量", "采购总金额"],
            _ => ["上一年项目数量", "本年增/减", "处理决定数量"],
        };

    private static readonly string[] Marks2021 = ["本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "本年处理决定数量"];
    private static readonly string[] Marks2019 = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增减", "采购项目数量", "采购总金额"];

    public Dictionary<string, (IReadOnlyList<string> Data, IReadOnlyList<string> Header)> Items { get; } = [];

    /// <summary>Cells (item, column) left unknown on purpose: run-together digits with several readings.</summary>
    public HashSet<(string Item, int Index)> Unknown { get; } = [];

    /// <summary>Items printed twice with different numbers: none of their cells is read.</summary>
    public HashSet<string> Conflicting { get; } = [];

    private static readonly string[] Headings = ["处理决定数量", "信息内容", "第二十条第一项", "第二十条第五项", "第二十条第六项", "第二十条第八项", "第二十条第九项", "单位万元"];

    /// <summary>The column headings a label carries (a stream glues them to the first row's label).</summary>
    public void AddHeaderMarks(string key)
    {
        // Every heading has 数, 量 or 额 in it: most labels are passed over at once.
        if (key.AsSpan().IndexOfAny(MarkChars) < 0) return;
        foreach (var m in Marks2021)
        {
            if (key.Contains(m, StringComparison.Ordinal)) Headers.Add(m);
        }

        foreach (var m in Marks2019)
        {
            if (key.Contains(m, StringComparison.Ordinal)) Headers.Add(m);
        }
    }

    private static readonly System.Buffers.SearchValues<char> MarkChars = System.Buffers.SearchValues.Create("数量额");

    /// <summary>True when a label ends with a heading of the table (so what follows is a row's own name).</summary>
    public static bool EndsHeader(string key) =>
        Marks2021.Concat(Marks2019).Concat(Headings).Any(m => key.EndsWith(m, StringComparison.Ordinal)) || key.EndsWith('项');

    /// <summary>The label after the last heading it carries.</summary>
    public static string StripHeaders(string key)
    {
        var cut = 0;
        foreach (var m in Marks2021.Concat(Marks2019).Concat(Headings))
        {
            var at = key.LastIndexOf(m, StringComparison.Ordinal);
            if (at >= 0) cut = Math.Max(cut, at + m.Length);
        }

        var item = key.LastIndexOf('项');
        if (item >= 0 && item + 1 > cut && key.LastIndexOf("第二十条", StringComparison.Ordinal) is var article and >= 0 && article < item) cut = item + 1;
        return key[cut..];
    }

    public List<string> Headers { get; } = [];

    /// <summary>How many headings of each template the table prints (computed once, after reading).</summary>
    public (int For2019, int For2021) Evidence => _evidence ??= CountEvidence();

    private (int For2019, int For2021)? _evidence;

    private (int For2019, int For2021) CountEvidence() =>
        (Headers.Count(h => Marks2019.Any(m => h.StartsWith(m, StringComparison.Ordinal))) + (Items.ContainsKey("procurement") || Items.ContainsKey("other_services") ? 1 : 0),
         Headers.Count(h => Marks2021.Any(m => h.StartsWith(m, StringComparison.Ordinal))));

    public Func<string, string, int, decimal?> Read { get; init; } = (_, raw, _) => CountCell.ReadAmount(raw);

    public ActiveDisclosure ToDisclosure(Template template) =>
        template == Template.Template2021
            ? new ActiveDisclosure(
                Documents("regulations", 0, 1, 2),
                Documents("normative_documents", 0, 1, 2),
                Count("licensing", 0),
                Count("penalty", 0),
                Count("enforcement", 0),
                Value("fees", 0))
            : new ActiveDisclosure(
                // 2019: 本年新制作数量, 本年新公开数量, 对外公开总数量; no repeal column, no fee amount.
                new DocumentCounts(Count("regulations", 0), null, Count("regulations", 2)),
                new DocumentCounts(Count("normative_documents", 0), null, Count("normative_documents", 2)),
                Count("licensing", 2),
                Count("penalty", 2),
                Count("enforcement", 2),
                null,
                Columns2019());

    /// <summary>The 2019 template's columns of each row of table 二, as the JSON contract's template_2019_columns names them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns2019Names = new Dictionary<string, string[]>
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

    private Dictionary<string, decimal?> Columns2019()
    {
        var columns = new Dictionary<string, decimal?>();
        foreach (var (item, names) in Columns2019Names)
        {
            for (var i = 0; i < names.Length; i++) columns[$"{item}.{names[i]}"] = Value(item, i);
        }

        return columns;
    }

    private DocumentCounts Documents(string item, int issued, int repealed, int inForce) =>
        new(Count(item, issued), Count(item, repealed), Count(item, inForce));

    private int? Count(string item, int index) => Value(item, index) is { } v && v == decimal.Truncate(v) && v <= int.MaxValue ? (int)v : null;

    private decimal? Value(string item, int index) =>
        !Unknown.Contains((item, index)) && Items.TryGetValue(item, out var found) && index < found.Data.Count ? Read(item, found.Data[index], index) : null;
}
