using System.Globalization;
using System.Text;
using Warehouse.Core;
using Warehouse.Corpus.Oracle;

namespace Warehouse.Corpus.Rendering;

/// <summary>
/// Text saved by a portal crawler (real/pingtan-2021.txt): sometimes a few header lines, then the
/// whole body on one line — breadcrumb, title, byline, the sections — and every table with its
/// cells run together: "一、本年新收政府信息公开申请数量640020470", a stray space at a true boundary
/// now and then ("500000 5"), the next row's numbering glued to the digits ("00000002.其他…"); one page in four
/// with a tab between its paragraphs, as a DOM's textContent keeps the page's indentation.
/// </summary>
public static class TextStreamRenderer
{
    /// <summary>The text, and what each table row printed, as pieces between the boundaries it kept.</summary>
    /// <param name="Rows">Each row of a table with numbers, by key (<see cref="Grid.Keys"/>): table 二 items, table 三 rows, "review".</param>
    public sealed record Printed(string Text, IReadOnlyDictionary<string, IReadOnlyList<Piece>> Rows, IReadOnlyList<string> Table3Keys);

    /// <param name="seed">Draws the header, byline and stray spaces; the same seed prints the same text.</param>
    /// <param name="keep">Keys of rows printed with a space between every two cells (so they read one way).</param>
    /// <param name="runTogether">No stray space between two cells anywhere (table 二 rows in <paramref name="keep"/> keep theirs).</param>
    /// <param name="vanishing">
    /// Zeros of tables 三 and 四 written now and then as "-" or "/" or left blank, as html-to-text writes a page whose
    /// cells hold bare text ("13415160/-291", "033295976" for 0, 33, 29, 5, blank, 9, 76): a mark glued to its
    /// neighbours, a blank leaving nothing; numbers of a thousand and more mostly with their separators ("3,2921,393"). A row's first cell is never a mark (glued to the label it would join
    /// its words) nor its 总计 a "-" (before the next row's number it would read as a sign).
    /// </param>
    public static Printed Render(IReadOnlyList<Part> parts, int seed, IReadOnlySet<string> keep, bool runTogether = false, bool vanishing = false)
    {
        var rng = new Random(seed);
        var title = parts.OfType<TitlePart>().First();
        var titleText = string.Join(" ", title.Lines);
        var posted = new DateTime(title.Year + 1, 1, 10, 9, 0, 0).AddDays(rng.Next(60)).AddMinutes(rng.Next(600));
        var postedText = posted.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var spaceRate = runTogether ? 0 : rng.NextDouble() < 0.5 ? 0.02 : 0.06;
        var sb = new StringBuilder();
        if (rng.NextDouble() < 0.6)
        {
            var id = 10000 + rng.Next(90000);
            var folder = posted.ToString("yyyyMM", CultureInfo.InvariantCulture);
            sb.Append("标题: ").Append(titleText).Append('\n');
            sb.Append("发布时间: ").Append(postedText).Append('\n');
            sb.Append("文号: \n");
            sb.Append("发布机构: ").Append(rng.NextDouble() < 0.5 ? title.Agency : "").Append('\n');
            sb.Append("栏目: 政府信息公开年报\n");
            sb.Append("原文链接: https://www.example.gov.cn/zwgk/zfxxgk/zfxxgknb/").Append(folder).Append("/t")
                .Append(posted.ToString("yyyyMMdd", CultureInfo.InvariantCulture)).Append('_').Append(id).Append(".htm\n");
            sb.Append("本地目录: zwgk/zfxxgk/zfxxgknb/").Append(folder).Append('/').Append(id).Append('_').Append(titleText.Replace(" ", "", StringComparison.Ordinal)).Append('\n');
            sb.Append("页面链接与图片详见 links.tsv(同目录)\n");
            sb.Append("==================== 正文 ====================\n");
        }

        sb.Append(rng.NextDouble() < 0.5 ? "当前位置： 首页政务公开政府信息公开政府信息公开年报 " : "您所在的位置：首页 > 政务公开 > 法定主动公开内容 > 政府信息公开年报 ");
        sb.Append(titleText).Append(' ');
        sb.Append(HtmlRenderers.BylineWords[rng.Next(HtmlRenderers.BylineWords.Count)]).Append(title.Agency);
        sb.Append(" 时间：").Append(postedText).Append(" 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： --> ");

        var rows = new Dictionary<string, IReadOnlyList<Piece>>();
        var table3 = new List<string>();
        // One page in four saved as its DOM's textContent (Readability, lxml's text_content()): the source's indentation
        // stays between the paragraphs, a tab before each heading and paragraph and after each table. Drawn apart, so that
        // the other draws of a seed stay as they were.
        var tabbed = new Random(unchecked(seed * 17 + 5)).NextDouble() < 0.25;
        foreach (var part in parts)
        {
            if (tabbed && part is HeadingPart or ParagraphPart) sb.Append('\t');
            switch (part)
            {
                case HeadingPart h:
                    if (rng.NextDouble() < 0.15) sb.Append(' ');
                    sb.Append(h.Text);
                    if (rng.NextDouble() < 0.15) sb.Append(' ');
                    break;
                case ParagraphPart p:
                    sb.Append(p.Text);
                    break;
                case TablePart t:
                    WriteTable(sb, t.Grid, rng, keep, spaceRate, rows, table3, vanishing && t.Grid.Name is Tables.ApplicationsName or Tables.ReviewName,
                        vanishing && t.Grid.Name == Tables.ApplicationsName ? new Random(unchecked((seed * 23) + 19)) : null);
                    if (rng.NextDouble() < 0.5) sb.Append(' ');
                    if (tabbed) sb.Append('\t');
                    break;
                case ClosingPart c:
                    sb.Append(rng.NextDouble() < 0.5 ? " " : "\u3000\u3000").Append(c.Agency).Append(' ').Append(c.Date);
                    break;
            }
        }

        if (rng.NextDouble() < 0.7) sb.Append(" 附件下载");
        sb.Append('\n');
        // One page in ten typed full-width throughout ("７１３００００７４", "９１１６．３６"), as some offices type:
        // the pieces stay in ASCII, the values they stand for.
        var text = sb.ToString();
        if (rng.NextDouble() < 0.1) text = FullWidth(text);
        return new Printed(text, rows, table3);
    }

    private static string FullWidth(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var ch = source[i];
            span[i] = char.IsAsciiDigit(ch) ? (char)(ch + 0xFEE0)
                : ch == '.' && i > 0 && i + 1 < source.Length && char.IsAsciiDigit(source[i - 1]) && char.IsAsciiDigit(source[i + 1]) ? '．'
                : ch;
        }
    });

    /// <summary>
    /// The share of table 三's outcome rows of zeros that a page leaving its zeros blank (<c>vanishing</c>) prints with every cell
    /// blank: its label alone, run into the next row's ("2.其他法律行政法规禁止公开3.危及“三安全一稳定”0000000"), read as a
    /// row of blank cells, zeros. Only rows whose label is the template's, numbering and all. Drawn from a stream of its own.
    /// </summary>
    public const double BlankRowRate = 0.3;

    /// <param name="blanks">The stream that draws rows printed blank (<see cref="BlankRowRate"/>), or null for none.</param>
    private static void WriteTable(StringBuilder sb, Grid grid, Random rng, IReadOnlySet<string> keep, double spaceRate, Dictionary<string, IReadOnlyList<Piece>> rows, List<string> table3, bool vanishing, Random? blanks)
    {
        var layout = grid.Layout();
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var key = grid.KeyOf(r);
            var printed = new StringBuilder();
            var numbers = 0;
            var blank = blanks is not null && blanks.NextDouble() < BlankRowRate && key is not null && !keep.Contains(key) && PrintsBlank(grid, layout, r, key);
            for (var c = 0; c < grid.Columns; c++)
            {
                var slot = layout[r, c];
                if (slot.Column < c || slot.Row < r) continue;
                if (!slot.Cell.IsNumber)
                {
                    sb.Append(slot.Cell.Text);
                    continue;
                }

                // "规章 000": a space after the label now and then; between cells only at a true boundary.
                var drawn = rng.NextDouble() < (numbers == 0 ? 0.1 : spaceRate);
                var boundary = drawn || (numbers > 0 && key is not null && keep.Contains(key));
                var text = Number(slot.Cell.Value!.Value);
                // A row printed with its boundaries (one the oracle could not read otherwise) prints its zeros as 0.
                if (vanishing && slot.Cell.Value == 0 && !(key is not null && keep.Contains(key))) text = Zero(rng, first: printed.ToString().Trim().Length == 0, total: c == grid.Columns - 1 || (grid.Name == Tables.ReviewName && numbers % 5 == 4));
                // The page's numbers of a thousand and more mostly with their thousands separators ("3,2921,393…").
                else if (vanishing && slot.Cell.Value >= 1000 && rng.NextDouble() < 0.7) text = slot.Cell.Value.Value.ToString("N0", CultureInfo.InvariantCulture);
                // A row printed blank prints nothing, its draws made all the same, so that the rows after it print as before.
                if (blank) continue;

                // No stray space before a mark: " -5" would be a sign, " //" one mark.
                if (text is "-" or "/") boundary = false;
                if (boundary) sb.Append(' ');
                if (numbers > 0 && boundary) printed.Append(' ');
                sb.Append(text);
                printed.Append(text);
                numbers++;
            }

            if (blank)
            {
                // Seven blank cells, as a grid's blank cells read: zeros, each a cell of its own.
                rows[key!] = Piece.ParseMarked(string.Join(' ', Enumerable.Repeat("0", ApplicantTypes.Count)));
                table3.Add(key!);
                continue;
            }

            if (key is not null && numbers > 0)
            {
                rows[key] = vanishing ? Piece.ParseMarked(printed.ToString()) : Piece.Parse(printed.ToString());
                if (grid.Name == Tables.ApplicationsName) table3.Add(key);
            }
        }
    }

    // An outcome row of table 三 (三 to 二十三) all zeros, its label the template's own, numbering and all.
    private static bool PrintsBlank(Grid grid, Slot[,] layout, int r, string key)
    {
        if (!DisposalCategories.IsKnown(key) || DisposalCategories.Get(key) is not { Number: >= 3 and <= 23 } category) return false;
        string? label = null;
        for (var c = 0; c < grid.Columns; c++)
        {
            var slot = layout[r, c];
            if (slot.Cell.IsNumber && slot.Cell.Value != 0) return false;
            if (!slot.Cell.IsNumber && slot.Row == r && slot.Column == c) label = slot.Cell.Text;
        }

        return label == category.Label;
    }

    // A zero as the page wrote it: mostly 0, else a mark or nothing; a total is never left blank here, so that every
    // row prints a cell (a row of blanks would leave its label alone).
    private static string Zero(Random rng, bool first, bool total) => rng.NextDouble() switch
    {
        < 0.7 => "0",
        < 0.8 => first ? "" : total ? "/" : "-",
        < 0.9 => first ? "0" : "/",
        _ => total ? "0" : "",
    };

    private static string Number(decimal value) =>
        value == decimal.Truncate(value) ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);
}
