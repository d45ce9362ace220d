using System.Globalization;
using System.Net;
using System.Text;

namespace Warehouse.Corpus.Rendering;

/// <summary>Portal article pages in the two CMS families most county portals run on.</summary>
public static class HtmlRenderers
{
    static HtmlRenderers()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>TRS style, UTF-8: the article inside nested layout tables, labels split by &lt;br&gt;, numbers in spans.</summary>
    public static byte[] Trs(IReadOnlyList<Part> parts, Random rng) => Trs(parts, rng, Quirks.None);

    /// <param name="quirks">With <see cref="Quirks.TitleInHeadOnly"/>, the title is only in the head (real/pingtan-2024-portal.html).</param>
    public static byte[] Trs(IReadOnlyList<Part> parts, Random rng, Quirks quirks)
    {
        var numbers = new NumberStyle(rng, blanks: true, fullWidth: false, leadingSpace: false);
        var titlePart = parts.OfType<TitlePart>().First();
        var title = titlePart.Text;
        // The portal's posting date is not the report's date (落款): readers must not take it for one.
        var posted = new DateOnly(titlePart.Year + 1, 1, 10).AddDays(rng.Next(60)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var views = 20 + rng.Next(2000);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append(quirks.TitleInHeadOnly ? "_政府信息公开年报_政府门户网站" : "_政府信息公开年报").Append("</title>\n");
        if (quirks.TitleInHeadOnly)
        {
            sb.Append("<meta name=\"SiteName\" content=\"政府门户网站\"/>\n<meta name=\"ColumnName\" content=\"政府信息公开年报\"/>\n<meta name=\"ArticleTitle\" content=\"").Append(E(title)).Append("\"/>\n");
            sb.Append("<meta name=\"PubDate\" content=\"").Append(posted).Append(" 15:35\"/>\n");
        }

        sb.Append("<script>var _trs_uv = 1;</script><style>.TRS_Editor td{border:1px solid #000}</style></head>\n<body>\n");
        sb.Append("<table width=\"1000\" align=\"center\" class=\"layout\"><tr><td class=\"nav\">您当前的位置：<a href=\"/\">首页</a> &gt; <a href=\"#\">政务公开</a> &gt; 政府信息公开年报</td></tr>\n");
        sb.Append("<tr><td><table width=\"100%\"><tr><td class=\"left\"><ul><li>机构概况</li><li>政策文件</li></ul></td><td class=\"main\">\n");
        if (quirks.TitleInHeadOnly)
        {
            // No title in the body: a byline names the publisher.
            sb.Append("<div class=\"article\">\n<div class=\"info\"><span class=\"article_source\">").Append(Byline(titlePart)).Append("</span> <span class=\"article_time\">发布时间：").Append(posted).Append(" 15:35</span> 浏览次数：<span id=\"count\">").Append(views).Append("</span></div>\n<div class=\"TRS_Editor\">\n");
        }
        else
        {
            sb.Append("<div class=\"article\"><h1 class=\"title\">").Append(string.Join("<br/>", titlePart.Lines.Select(E))).Append("</h1>\n");
            sb.Append("<div class=\"info\">发布时间：").Append(posted).Append(" 来源：本网 浏览次数：<span id=\"count\">").Append(views).Append("</span></div>\n<div class=\"TRS_Editor\">\n");
        }

        foreach (var part in parts)
        {
            switch (part)
            {
                case HeadingPart h:
                    sb.Append("<p style=\"text-indent:2em\"><strong>").Append(E(h.Text)).Append("</strong></p>\n");
                    break;
                case ParagraphPart p:
                    sb.Append("<p style=\"text-indent:2em\">").Append(E(p.Text)).Append("</p>\n");
                    break;
                case TablePart t:
                    sb.Append(Table(t.Grid, numbers, rng, label => Br(label, rng), number => rng.NextDouble() < 0.3 ? $"<span style=\"font-size:12px\">{E(number)}</span>" : E(number)));
                    break;
                case ClosingPart c:
                    sb.Append("<p style=\"text-align:right\">").Append(E(c.Agency)).Append("</p>\n<p style=\"text-align:right\">").Append(E(c.Date)).Append("</p>\n");
                    break;
            }
        }

        sb.Append("</div></div></td></tr></table></td></tr>\n<tr><td class=\"footer\">主办单位：人民政府办公室 版权所有</td></tr></table>\n</body></html>\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Hanweb style, GBK bytes declared as gb2312: paragraphs inside the cells.</summary>
    public static byte[] HanwebGbk(IReadOnlyList<Part> parts, Random rng) => HanwebGbk(parts, rng, Quirks.None);

    /// <param name="quirks">With <see cref="Quirks.TitleInHeadOnly"/>, the title is only in the head, a byline in the body.</param>
    public static byte[] HanwebGbk(IReadOnlyList<Part> parts, Random rng, Quirks quirks)
    {
        var numbers = new NumberStyle(rng, blanks: true, fullWidth: true, leadingSpace: false);
        var titlePart = parts.OfType<TitlePart>().First();
        var title = titlePart.Text;
        var sb = new StringBuilder();
        sb.Append("<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\n<title>").Append(E(title));
        if (quirks.TitleInHeadOnly) sb.Append("_年度报告_政府信息公开");
        sb.Append("</title>\n");
        if (quirks.TitleInHeadOnly) sb.Append("<meta name=\"ArticleTitle\" content=\"").Append(E(title)).Append("\">\n");
        sb.Append("</head>\n<body>\n");
        sb.Append("<div id=\"barrierfree_container\"><div class=\"top\">政府信息公开</div>\n<div class=\"article\">\n");
        sb.Append(quirks.TitleInHeadOnly ? $"<div class=\"source\">{Byline(titlePart)}</div>" : $"<div class=\"title\">{string.Join("<br>", titlePart.Lines.Select(E))}</div>").Append("\n<div id=\"zoom\" class=\"content\">\n");
        foreach (var part in parts)
        {
            switch (part)
            {
                case HeadingPart h:
                    sb.Append("<p><b>").Append(E(h.Text)).Append("</b></p>\n");
                    break;
                case ParagraphPart p:
                    sb.Append("<p>").Append(E(p.Text)).Append("</p>\n");
                    break;
                case TablePart t:
                    sb.Append(Table(t.Grid, numbers, rng, label => Paragraphs(label, rng), number => $"<p align=\"center\">{E(number)}</p>"));
                    break;
                case ClosingPart c:
                    sb.Append("<p align=\"right\">").Append(E(c.Agency)).Append("<br>").Append(E(c.Date)).Append("</p>\n");
                    break;
            }
        }

        sb.Append("</div>\n</div>\n<div class=\"bottom\">网站标识码 3607000001</div></div>\n</body>\n</html>\n");
        return Encoding.GetEncoding("GBK").GetBytes(sb.ToString());
    }

    // "来源：X", "发布机构：X", "信息来源：X", "来源单位：X", "发布部门：X", "公开主体：X", "供稿单位：X", "责任单位：X" or "作者：X"
    // (some portals' CMS name the office as the article's author), as portals print it under the title.
    private static string Byline(TitlePart t) => BylineWords[(t.Agency.Length + t.Year) % BylineWords.Count] + E(t.Agency);

    /// <summary>The words before the agency in a portal's byline.</summary>
    public static readonly IReadOnlyList<string> BylineWords = ["来源：", "发布机构：", "信息来源：", "来源单位：", "发布部门：", "公开主体：", "供稿单位：", "责任单位：", "作者："];

    private static string Table(Grid grid, NumberStyle numbers, Random rng, Func<string, string> label, Func<string, string> number)
    {
        var sb = new StringBuilder("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"100%\" style=\"border-collapse:collapse\">\n<tbody>\n");
        foreach (var row in grid.Rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
            {
                sb.Append("<td");
                if (cell.RowSpan > 1) sb.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
                if (cell.ColSpan > 1) sb.Append(" colspan=\"").Append(cell.ColSpan).Append('"');
                sb.Append(" valign=\"middle\">");
                if (cell.IsNumber)
                {
                    var text = cell.Printed ?? numbers.Format(cell.Value!.Value);
                    sb.Append(text.Length == 0 ? (rng.NextDouble() < 0.5 ? "&nbsp;" : "") : number(text));
                }
                else
                {
                    sb.Append(label(cell.Text));
                }

                sb.Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        return sb.Append("</tbody>\n</table>\n").ToString();
    }

    private static string Br(string label, Random rng)
    {
        if (label.Length < 6 || rng.NextDouble() > 0.3) return E(label);
        var at = 2 + rng.Next(label.Length - 3);
        return E(label[..at]) + "<br/>" + E(label[at..]);
    }

    private static string Paragraphs(string label, Random rng)
    {
        if (label.Length < 6 || rng.NextDouble() > 0.3) return $"<p align=\"center\">{E(label)}</p>";
        var at = 2 + rng.Next(label.Length - 3);
        return $"<p align=\"center\">{E(label[..at])}</p><p align=\"center\">{E(label[at..])}</p>";
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
