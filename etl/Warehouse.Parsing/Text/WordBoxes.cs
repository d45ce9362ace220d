using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Warehouse.Parsing.Text;

/// <summary>
/// Reads a document saved as its words and their boxes rather than as text: <c>pdftotext -tsv</c> and Tesseract's
/// <c>tsv</c> output (a tab-separated table: level, page_num, …, left, top, width, height, conf, text), and
/// <c>pdftotext -bbox</c> / <c>-bbox-layout</c> (an XHTML page of <c>&lt;word xMin yMin xMax yMax&gt;</c> elements).
/// Each is set out again as text laid out by columns, as <c>pdftotext -layout -fixed</c> sets a page: a word starts
/// at the column its left edge gives on a grid of fixed pitch, words on one baseline make one line, and a form feed
/// parts pages. That text is then read as any laid-out text (<see cref="PlainTextLayout"/>).
/// </summary>
/// <remarks>
/// The pitch is a fifth of the median word height (about 3 points for a body set in 10.5-point type, the grid
/// <c>-fixed 3</c> uses): a Chinese character spans three or four columns, so the gap between a table's cells stays
/// two spaces or more, while a space inside a label stays one.
/// </remarks>
public static partial class WordBoxes
{
    private sealed record Word(int Page, double Left, double Top, double Right, double Bottom, string Text);

    /// <summary>
    /// The laid-out text of a text file of words and their boxes: a TSV (pdftotext -tsv, Tesseract) or pdftohtml's XML
    /// (<c>-xml</c>, which a sniffer takes for text); null when the text is neither.
    /// </summary>
    public static string? FromWords(string text) =>
        FromTsv(text) ?? (text.Contains("<pdf2xml", StringComparison.Ordinal) ? FromPdf2Xml(text) : null);

    /// <summary>The laid-out text of a TSV of words and boxes (pdftotext -tsv, Tesseract), or null when the text is none.</summary>
    public static string? FromTsv(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2) return null;
        var head = lines[0].TrimEnd('\r').Split('\t');
        int Column(string name) => Array.IndexOf(head, name);
        var (page, left, top, width, height, word, level) = (Column("page_num"), Column("left"), Column("top"), Column("width"), Column("height"), Column("text"), Column("level"));
        if (page < 0 || left < 0 || top < 0 || width < 0 || height < 0 || word < 0) return null;
        var words = new List<Word>();
        foreach (var line in lines.Skip(1))
        {
            var f = line.TrimEnd('\r').Split('\t');
            if (f.Length < head.Length) continue;
            // pdftotext marks pages, flows and lines with ###PAGE### and the like at levels 1 to 4; words are level 5.
            if (level >= 0 && f[level] != "5") continue;
            var t = f[word].Trim();
            if (t.Length == 0 || t.StartsWith("###", StringComparison.Ordinal)) continue;
            if (!int.TryParse(f[page], CultureInfo.InvariantCulture, out var p) || !Number(f[left], out var x) || !Number(f[top], out var y)
                || !Number(f[width], out var w) || !Number(f[height], out var h)) continue;
            words.Add(new Word(p, x, y, x + w, y + h, t));
        }

        return words.Count == 0 ? null : Layout(words);
    }

    /// <summary>
    /// The laid-out text of a pdftotext -bbox or -bbox-layout page, or of pdftohtml's <c>-xml</c> (pdf2xml: a
    /// <c>&lt;text top left width height&gt;</c> element for each run of a line, in pixels); null when the page is neither.
    /// </summary>
    public static string? FromBoxes(string html)
    {
        if (html.Contains("<pdf2xml", StringComparison.Ordinal)) return FromPdf2Xml(html);
        if (html.IndexOf("<word ", StringComparison.Ordinal) < 0 || html.IndexOf("<page ", StringComparison.Ordinal) < 0) return null;
        var words = new List<Word>();
        var page = 0;
        foreach (Match m in Element().Matches(html))
        {
            if (m.Groups["page"].Success)
            {
                page++;
                continue;
            }

            if (!Number(m.Groups["x0"].Value, out var x0) || !Number(m.Groups["y0"].Value, out var y0) || !Number(m.Groups["x1"].Value, out var x1) || !Number(m.Groups["y1"].Value, out var y1)) continue;
            var text = WebUtility.HtmlDecode(m.Groups["text"].Value).Trim();
            if (text.Length > 0) words.Add(new Word(page, x0, y0, x1, y1, text));
        }

        return words.Count == 0 ? null : Layout(words);
    }

    // pdftohtml -xml: runs of text with their boxes, page by page; bold and links marked inside a run (<b>, <a href>).
    private static string? FromPdf2Xml(string xml)
    {
        var words = new List<Word>();
        var page = 0;
        foreach (Match m in Pdf2XmlElement().Matches(xml))
        {
            if (m.Groups["page"].Success)
            {
                page++;
                continue;
            }

            if (!Number(m.Groups["top"].Value, out var top) || !Number(m.Groups["left"].Value, out var left) || !Number(m.Groups["width"].Value, out var width)
                || !Number(m.Groups["height"].Value, out var height)) continue;
            var text = WebUtility.HtmlDecode(InlineMarkup().Replace(m.Groups["text"].Value, "")).Trim();
            if (text.Length > 0) words.Add(new Word(page, left, top, left + width, top + height, text));
        }

        return words.Count == 0 ? null : Layout(words);
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef';

    private static bool Number(string s, out double value) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    // The words, page by page, as lines of text on a grid of fixed pitch.
    private static string Layout(List<Word> words)
    {
        var heights = words.Select(w => w.Bottom - w.Top).Where(h => h > 0).Order().ToList();
        var median = heights.Count == 0 ? 10 : heights[heights.Count / 2];
        var pitch = median / 5;
        var text = new StringBuilder();
        foreach (var page in words.GroupBy(w => w.Page).OrderBy(g => g.Key))
        {
            if (text.Length > 0) text.Append('\f');
            var lines = new List<(double Middle, bool Large, List<Word> Words)>();
            foreach (var w in page.OrderBy(w => (w.Top + w.Bottom) / 2))
            {
                var middle = (w.Top + w.Bottom) / 2;
                // Words half again as tall as the body's are a title's, set apart from the body's lines even where they
                // stand over them (a text box printed in front of the preamble): each size makes lines of its own.
                var large = w.Bottom - w.Top > median * 1.5;
                // A word on the line above's baseline (of its size), half a line either way, is on it.
                var on = lines.FindLastIndex(l => l.Large == large);
                if (on >= 0 && on >= lines.Count - 2 && Math.Abs(middle - lines[on].Middle) <= median * 0.4) lines[on].Words.Add(w);
                else lines.Add((middle, large, [w]));
            }

            foreach (var (_, _, line) in lines)
            {
                var row = new StringBuilder();
                Word? before = null;
                foreach (var w in line.OrderBy(w => w.Left))
                {
                    // Words that touch (less than a third of a line apart) are one run of text: Chinese characters joined
                    // (OCR boxes each one or two), other words one space apart, as a label's are. Words further apart
                    // stand at their columns, two spaces apart at least, as cells do.
                    var at = (int)Math.Round(w.Left / pitch);
                    // Runs with no gap at all are one word that the tool cut where the font changed (pdftohtml: "430" / ".9" / "1").
                    if (before is not null && w.Left - before.Right < median / 3) at = row.Length + ((IsHan(before.Text[^1]) && IsHan(w.Text[0])) || w.Left - before.Right <= median * 0.1 ? 0 : 1);
                    else if (before is not null) at = Math.Max(at, row.Length + 2);
                    row.Append(' ', at - row.Length).Append(w.Text);
                    before = w;
                }

                text.Append(row.ToString().TrimEnd()).Append('\n');
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"(?<page><page\b[^>]*>)|<text\s+top=""(?<top>[-0-9.]+)""\s+left=""(?<left>[-0-9.]+)""\s+width=""(?<width>[-0-9.]+)""\s+height=""(?<height>[-0-9.]+)""[^>]*>(?<text>.*?)</text>")]
    private static partial Regex Pdf2XmlElement();

    [GeneratedRegex(@"</?(?:b|i|a)\b[^>]*>")]
    private static partial Regex InlineMarkup();

    [GeneratedRegex(@"(?<page><page\b[^>]*>)|<word\s+xMin=""(?<x0>[-0-9.]+)""\s+yMin=""(?<y0>[-0-9.]+)""\s+xMax=""(?<x1>[-0-9.]+)""\s+yMax=""(?<y1>[-0-9.]+)""[^>]*>(?<text>[^<]*)</word>")]
    private static partial Regex Element();
}
