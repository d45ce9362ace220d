using System.Text;

namespace Warehouse.Corpus.Rendering;

/// <summary>
/// A text browser's dump of a portal page (<c>w3m -dump</c>, real/pingtan-2024-w3m.txt): the site's
/// navigation above, prose wrapped at the screen's width, tables drawn with box-drawing characters,
/// each cell's text padded with spaces and wrapped inside its cell, a merged cell's text centred
/// over the rows it spans (also on the ruling lines between them).
/// </summary>
public static class BoxDrawRenderer
{
    private static readonly string[] Navigation =
    [
        "[gh_logo] [site_logo]", "国务院省政府省人大省政协", "移动版", "", "登录注册你好，注销", "网站支持IPV6", "",
        "  • 首页", "  • 政务公开", "  • 解读回应", "  • 办事服务", "  • 互动交流", "", "[                    ]",
        "长者模式退出长者模式无障碍浏览", "政府信息公开", "当前位置：", "", "  • 首页", "  • 政务公开", "  • 政府信息公开年报", "",
    ];

    private static readonly string[] Footer =
    [
        "  • 省市政府网站", "", "      □ 福建省人民政府", "      □ 福州市政府网站", "      □ 厦门市政府网站", "      □ 泉州市政府网站",
        "  • 新闻媒体", "", "      □ 人民网", "      □ 新华网", "      □ 中国新闻网", "      □ 央视国际", "  • 其他", "",
        "      □ 信用中国", "      □ 数字中国建设峰会", "", "使用帮助 | 联系我们 | 隐私保护 | 新媒体矩阵 | 关于我们 |", "",
        "网站标识码：3590000001 [babs] 公安备案号：35012899001-19002 闽ICP备09032658号", "", "版权所有：人民政府网站", "",
        "新媒体矩阵", "", "党政机关 [img11]", "", "主办单位：人民政府办公室", "",
        "为确保最佳浏览效果，建议您使用以下浏览器版本：IE浏览器9.0版本及以上； Google", "Chrome浏览器 63版本及以上。",
    ];

    public static byte[] Render(IReadOnlyList<Part> parts, Random rng)
    {
        var numbers = new NumberStyle(rng, blanks: false, fullWidth: false, leadingSpace: false);
        var screen = 72 + rng.Next(9);
        var navigation = rng.NextDouble() < 0.6;
        var trailingSpace = rng.NextDouble() < 0.5;
        var sb = new StringBuilder();
        if (navigation) sb.Append(string.Join('\n', Navigation)).Append("\n\n");
        foreach (var part in parts)
        {
            switch (part)
            {
                case TitlePart t:
                    foreach (var line in t.Lines) sb.Append(line).Append('\n');
                    if (navigation) sb.Append("微信微博 QQ空间\n\n  • 全真版\n  • 文字版\n\n文件下载\n");
                    sb.Append('\n');
                    break;
                case HeadingPart h:
                    sb.Append(h.Text).Append(trailingSpace ? " " : "").Append("\n\n");
                    break;
                case ParagraphPart p:
                    foreach (var line in Wrap(p.Text, screen, words: true)) sb.Append(line).Append('\n');
                    sb.Append('\n');
                    break;
                case TablePart table:
                    foreach (var line in Draw(table.Grid, cell => cell.Printed ?? numbers.Format(cell.Value!.Value), rng)) sb.Append(line).Append('\n');
                    sb.Append('\n');
                    break;
                case ClosingPart c:
                    // A right-aligned signature is padded to the screen's right edge.
                    var right = rng.NextDouble() < 0.5;
                    foreach (var line in new[] { c.Agency, c.Date })
                    {
                        sb.Append(right ? new string(' ', Math.Max(0, screen - Width(line))) : "").Append(line).Append('\n');
                    }

                    break;
            }
        }

        if (navigation) sb.Append("\n \n\n\n附件下载\n\n扫一扫在手机上查看当前页面\n\n关闭\n");
        // Drawn last, so that every draw above is as before. Half the pages go on with the site's footer (real
        // pingtan-2024-w3m.txt): far more lines after the signature than its own few.
        if (navigation && rng.NextDouble() < 0.5) sb.Append('\n').Append(string.Join('\n', Footer)).Append('\n');
        // Drawn after the footer, for the same reason: some pages are dumped without line graphics.
        var text = rng.NextDouble() < AsciiRate ? InAscii(sb.ToString()) : sb.ToString();
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>The share of pages dumped with <c>w3m -dump -no-graph</c>: the ruling in ASCII (<see cref="InAscii"/>).</summary>
    public const double AsciiRate = 0.25;

    /// <summary>
    /// The page as <c>w3m -dump -no-graph</c> prints it (real/pingtan-2024-portal.html, w3m 0.5.3, compared
    /// character by character with the line-graphics dump): corners and crossings "+", a junction on a table's
    /// side "|", one on a rule's run (┬ ┴) "-", the list bullets "*" and "+". Every line keeps its columns.
    /// </summary>
    public static string InAscii(string dump) => string.Create(dump.Length, dump, static (span, d) =>
    {
        for (var i = 0; i < d.Length; i++)
        {
            span[i] = d[i] switch
            {
                '┌' or '┐' or '└' or '┘' or '┼' or '□' => '+',
                '─' or '┬' or '┴' => '-',
                '│' or '├' or '┤' => '|',
                '•' => '*',
                var c => c,
            };
        }
    });

    /// <summary>Display columns: CJK characters and full-width forms take two, the rest one (as w3m counts them).</summary>
    public static int Width(string text) => text.Sum(ch => ch >= '\u2e80' ? 2 : 1);

    /// <summary>
    /// Lines of at most <paramref name="width"/> columns. w3m breaks anywhere between CJK characters
    /// (a line may begin with "、"), never inside a run of ASCII letters and digits.
    /// </summary>
    private static List<string> Wrap(string text, int width, bool words)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var used = 0;
        var i = 0;
        while (i < text.Length)
        {
            var j = i + 1;
            if (words && char.IsAsciiLetterOrDigit(text[i])) while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '.' or ',')) j++;
            var piece = text[i..j];
            var w = Width(piece);
            if (used + w > width && used > 0)
            {
                lines.Add(line.ToString());
                line.Clear();
                used = 0;
            }

            line.Append(piece);
            used += w;
            i = j;
        }

        if (line.Length > 0 || lines.Count == 0) lines.Add(line.ToString());
        return lines;
    }

    private static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - Width(text)));

    private static List<string> Draw(Grid grid, Func<GridCell, string> number, Random rng)
    {
        var layout = grid.Layout();
        var rows = grid.Rows.Count;
        var columns = grid.Columns;
        var texts = new Dictionary<Slot, string>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var slot = layout[r, c];
                if (slot.Row == r && slot.Column == c) texts[slot] = slot.Cell.IsNumber ? number(slot.Cell) : slot.Cell.Text;
            }
        }

        // Each column as wide as its widest number, or as the browser's share of the screen gives it.
        var numeric = Enumerable.Range(0, columns).Select(c => Enumerable.Range(0, rows).Any(r => layout[r, c].Cell.IsNumber)).ToArray();
        var widths = new int[columns];
        for (var c = 0; c < columns; c++) widths[c] = numeric[c] ? 2 + rng.Next(columns > 6 ? 4 : 12) : 6 + (2 * rng.Next(6));
        // A narrow table leaves the browser room to fit each label on one line (table 二); a wide one wraps them.
        foreach (var (slot, text) in texts.Where(t => !t.Key.Cell.IsNumber && t.Key.Cell.ColSpan == 1 && columns <= 6))
        {
            widths[slot.Column] = Math.Max(widths[slot.Column], Width(text));
        }

        foreach (var (slot, text) in texts.Where(t => t.Key.Cell.IsNumber))
        {
            var have = Span(widths, slot.Column, slot.Cell.ColSpan);
            if (Width(text) > have) widths[slot.Column + slot.Cell.ColSpan - 1] += Width(text) - have;
        }

        var lines = texts.ToDictionary(t => t.Key, t => t.Key.Cell.IsNumber ? [t.Value] : Wrap(t.Value, Span(widths, t.Key.Column, t.Key.Cell.ColSpan), words: false));
        var heights = new int[rows];
        for (var r = 0; r < rows; r++) heights[r] = 1;
        foreach (var (slot, cell) in lines.Where(l => l.Key.Cell.RowSpan == 1)) heights[slot.Row] = Math.Max(heights[slot.Row], cell.Count);
        foreach (var (slot, cell) in lines.Where(l => l.Key.Cell.RowSpan > 1))
        {
            var last = slot.Row + slot.Cell.RowSpan - 1;
            var room = Enumerable.Range(slot.Row, slot.Cell.RowSpan).Sum(r => heights[r]) + slot.Cell.RowSpan - 1;
            if (cell.Count > room) heights[last] += cell.Count - room;
        }

        // The first line of each row, counted from the table's top border (line 0).
        var top = new int[rows + 1];
        top[0] = 1;
        for (var r = 1; r <= rows; r++) top[r] = top[r - 1] + heights[r - 1] + 1;

        string Content(Slot slot, int line)
        {
            var first = top[slot.Row];
            var height = top[slot.Row + slot.Cell.RowSpan] - 1 - first;
            var text = lines[slot];
            var at = line - first - ((height - text.Count) / 2);
            return Pad(at >= 0 && at < text.Count ? text[at] : "", Span(widths, slot.Column, slot.Cell.ColSpan));
        }

        var output = new List<string>();
        for (var line = 0; line < top[rows]; line++)
        {
            var row = Array.IndexOf(top, line + 1);
            var sb = new StringBuilder();
            if (row < 0)
            {
                // A content line of the row it falls in.
                var r = Array.FindLastIndex(top, t => t <= line);
                for (var c = 0; c < columns; c++)
                {
                    var slot = layout[r, c];
                    if (slot.Column != c) continue;
                    sb.Append('│').Append(Content(slot, line));
                }

                output.Add(sb.Append('│').ToString());
                continue;
            }

            // The ruling line above row `row` (row 0: the top border; rows: the bottom border).
            Slot? Above(int c) => row > 0 ? layout[row - 1, c] : null;
            Slot? Below(int c) => row < rows ? layout[row, c] : null;
            for (var c = 0; c < columns;)
            {
                var up = row > 0 && (c == 0 || Above(c - 1) != Above(c));
                var down = row < rows && (c == 0 || Below(c - 1) != Below(c));
                var left = c > 0 && Above(c - 1) != Below(c - 1);
                var through = Above(c) is { } a && a == Below(c);
                sb.Append(Junction(up, down, left, !through));
                if (through)
                {
                    sb.Append(Content(Above(c)!, line));
                    c += Above(c)!.Cell.ColSpan;
                }
                else
                {
                    sb.Append('─', widths[c]);
                    c++;
                }
            }

            var end = columns - 1;
            sb.Append(Junction(row > 0, row < rows, Above(end) != Below(end), false));
            output.Add(sb.ToString());
        }

        return output;
    }

    private static int Span(int[] widths, int from, int count) => widths.Skip(from).Take(count).Sum() + count - 1;

    private static char Junction(bool up, bool down, bool left, bool right) => (up, down, left, right) switch
    {
        (true, true, true, true) => '┼',
        (true, true, false, true) => '├',
        (true, true, true, false) => '┤',
        (false, true, true, true) => '┬',
        (true, false, true, true) => '┴',
        (false, true, false, true) => '┌',
        (false, true, true, false) => '┐',
        (true, false, false, true) => '└',
        (true, false, true, false) => '┘',
        (true, true, false, false) => '│',
        (false, false, _, _) => '─',
        _ => '│',
    };
}
