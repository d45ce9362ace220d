using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Warehouse.Corpus.Rendering;

/// <summary>
/// What Python's html2text (<c>html2markdown</c>: html2text 2020.1.16, Debian 12's python3-html2text; the converter
/// behind many crawlers and LangChain's Html2TextTransformer) writes from a portal page (real/pingtan-2019-html2markdown.md, pingtan-2024-html2markdown.md):
/// the head and its &lt;title&gt; dropped, headings "#", bold "**", links "[text](href)", tables without outer pipes
/// ("规章| 0| 0| 0  "), "---|---" after each table's first row, a row ended by a hard break ("  "), a &lt;br&gt; a hard
/// break too, a cell's paragraphs between empty lines ("信息内容" / "" / "|" / "" / "本年制发件数"), prose wrapped at
/// 78 characters where it has spaces. The page is a generated TRS or Hanweb page (<see cref="HtmlRenderers"/>), and
/// the conversion a port of html2text's <c>handle_tag</c>, <c>o</c> and <c>optwrap</c> for the tags those pages use,
/// its defaults kept (inline links, no table padding, body width 78). Byte for byte the tool's on the generated pages
/// (NewLayoutTests runs it); on the six real pingtan pages it differs only where textwrap breaks a long address at its
/// hyphens (not ported) and in the spaces a bold heading keeps from &amp;nbsp;.
/// </summary>
public static partial class Html2TextRenderer
{
    public static byte[] Render(IReadOnlyList<Part> parts, Random rng, Quirks quirks)
    {
        var hanweb = rng.Next(2) == 0;
        var page = hanweb ? HtmlRenderers.HanwebGbk(parts, rng, quirks) : HtmlRenderers.Trs(parts, rng, quirks);
        var html = (hanweb ? Encoding.GetEncoding("GBK") : Encoding.UTF8).GetString(page);
        return Encoding.UTF8.GetBytes(Convert(html));
    }

    /// <summary>The page as html2text writes it with its defaults.</summary>
    public static string Convert(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var converter = new Converter();
        converter.Walk(document.DocumentElement);
        return Wrap(converter.Finish(), 78);
    }

    /// <summary>html2text's state while it reads a page, and its output.</summary>
    private sealed class Converter
    {
        private readonly StringBuilder _out = new();
        private readonly Stack<string?> _anchors = new();
        private readonly List<(string Kind, int Number)> _lists = [];
        private int _quiet;
        private int _pp;
        private string _brToggle = "";
        private bool _start = true;
        private bool _space;
        private bool _lastWasNewLine;
        private bool _lastWasList;
        private bool _splitNextCell;
        private int _cells;
        private bool _tableStart;
        private bool _stressed;
        private bool _precedingStressed;
        private string _precedingData = "";
        private string? _maybeAutomaticLink;
        private bool _emptyLink;
        private string _currentTag = "";

        public void Walk(INode node)
        {
            switch (node)
            {
                case IElement e:
                    var tag = e.LocalName;
                    Tag(tag, e, start: true);
                    foreach (var child in e.ChildNodes) Walk(child);
                    if (!IsVoid(tag)) Tag(tag, e, start: false);
                    break;
                case IText t:
                    Data(t.Data);
                    break;
            }
        }

        private static bool IsVoid(string tag) => tag is "br" or "img" or "meta" or "link" or "hr" or "input";

        private static int Heading(string tag) => tag.Length == 2 && tag[0] == 'h' && tag[1] is >= '1' and <= '9' ? tag[1] - '0' : 0;

        private void Tag(string tag, IElement e, bool start)
        {
            _currentTag = tag;
            if (start && _maybeAutomaticLink is not null && tag is not ("p" or "div" or "style" or "dl" or "dt") && tag != "img")
            {
                O("[");
                _maybeAutomaticLink = null;
                _emptyLink = false;
            }

            if (Heading(tag) is > 0 and var level)
            {
                P();
                if (start) O(new string('#', level) + " ");
                else return;
            }

            if (tag is "p" or "div")
            {
                if (!(_anchors.Count > 0 && tag == "div")) P();
            }

            if (tag == "br" && start) O("  \n");
            if (tag == "hr" && start)
            {
                P();
                O("* * *");
                P();
            }

            if (tag is "head" or "style" or "script") _quiet += start ? 1 : -1;
            if (tag == "body") _quiet = 0;
            if (tag is "strong" or "b")
            {
                O(start && _precedingData.Length > 0 && !char.IsWhiteSpace(_precedingData[^1]) ? " **" : "**");
                if (start) _stressed = true;
            }

            if (tag is "em" or "i" or "u")
            {
                O(start && _precedingData.Length > 0 && !char.IsWhiteSpace(_precedingData[^1]) ? " _" : "_");
                if (start) _stressed = true;
            }

            if (tag == "a")
            {
                if (start)
                {
                    // html2text skips a link within the page (skip_internal_links): its text stays, bare.
                    var href = e.GetAttribute("href") is { } h && !h.StartsWith('#') ? h : null;
                    _anchors.Push(href);
                    if (href is not null)
                    {
                        _maybeAutomaticLink = href;
                        _emptyLink = true;
                    }
                }
                else if (_anchors.Count > 0)
                {
                    var href = _anchors.Pop();
                    if (_maybeAutomaticLink is not null && !_emptyLink) _maybeAutomaticLink = null;
                    else if (href is not null)
                    {
                        if (_emptyLink)
                        {
                            O("[");
                            _emptyLink = false;
                            _maybeAutomaticLink = null;
                        }

                        var title = e.GetAttribute("title") ?? "";
                        O("](" + EscapeMd(href) + (title.Trim().Length > 0 ? $" \"{EscapeMd(title)}\"" : "") + ")");
                    }
                }
            }

            if (tag == "img" && start && e.GetAttribute("src") is { } src)
            {
                var alt = e.GetAttribute("alt") ?? "";
                if (_maybeAutomaticLink is not null)
                {
                    O("[");
                    _maybeAutomaticLink = null;
                    _emptyLink = false;
                }

                O("![" + EscapeMd(alt) + "](" + EscapeMd(src) + ")");
            }

            if (tag is "ol" or "ul")
            {
                if (_lists.Count == 0 && !_lastWasList) P();
                if (start) _lists.Add((tag, 0));
                else if (_lists.Count > 0)
                {
                    _lists.RemoveAt(_lists.Count - 1);
                    if (_lists.Count == 0) O("\n");
                }

                _lastWasList = true;
            }
            else
            {
                _lastWasList = false;
            }

            if (tag == "li")
            {
                Pbr();
                if (start)
                {
                    var (kind, number) = _lists.Count > 0 ? _lists[^1] : ("ul", 0);
                    O(new string(' ', 2 * _lists.Count));
                    if (kind == "ul") O("* ");
                    else
                    {
                        _lists[^1] = (kind, number + 1);
                        O($"{number + 1}. ");
                    }

                    _start = true;
                }
            }

            if (tag == "table" && start) _tableStart = true;
            if (tag is "td" or "th" && start)
            {
                if (_splitNextCell) O("| ");
                _splitNextCell = true;
            }

            if (tag == "tr" && start) _cells = 0;
            if (tag == "tr" && !start)
            {
                _splitNextCell = false;
                SoftBr();
            }

            if (tag == "tr" && !start && _tableStart)
            {
                O(string.Join('|', Enumerable.Repeat("---", _cells)));
                SoftBr();
                _tableStart = false;
            }

            if (tag is "td" or "th" && start) _cells++;
        }

        private void Data(string data)
        {
            if (data.Length == 0) return;
            if (_stressed)
            {
                data = data.Trim();
                _stressed = false;
                _precedingStressed = true;
            }
            else if (_precedingStressed)
            {
                if (!char.IsWhiteSpace(data[0]) && data[0] is not ('.' or '!' or '?') && Heading(_currentTag) == 0 && _currentTag is not ("a" or "code" or "pre")) data = " " + data;
                _precedingStressed = false;
            }

            if (_maybeAutomaticLink is not null)
            {
                O("[");
                _maybeAutomaticLink = null;
                _emptyLink = false;
            }

            data = EscapeSection(data);
            _precedingData = data;
            O(data, pureData: true);
        }

        private void Pbr()
        {
            if (_pp == 0) _pp = 1;
        }

        private void P() => _pp = 2;

        private void SoftBr()
        {
            Pbr();
            _brToggle = "  ";
        }

        private void O(string data, bool pureData = false, bool end = false)
        {
            if (_quiet > 0) return;
            if (pureData)
            {
                // Runs of whitespace are one space; a no-break space (&nbsp;) stays, as html2text's placeholder for it does.
                data = Whitespace().Replace(data, " ");
                if (data.Length > 0 && data[0] == ' ')
                {
                    _space = true;
                    data = data[1..];
                }
            }

            if (data.Length == 0 && !end) return;
            if (_start)
            {
                _space = false;
                _pp = 0;
                _start = false;
            }

            if (end)
            {
                _pp = 0;
                Out("\n");
                _space = false;
            }

            if (_pp > 0)
            {
                for (var k = 0; k < _pp; k++) Out(_brToggle + "\n");
                _space = false;
                _brToggle = "";
            }

            if (_space)
            {
                if (!_lastWasNewLine) Out(" ");
                _space = false;
            }

            _pp = 0;
            Out(data.Replace('\u00a0', ' '));
        }

        private void Out(string s)
        {
            _out.Append(s);
            if (s.Length > 0) _lastWasNewLine = s[^1] == '\n';
        }

        public string Finish()
        {
            Pbr();
            O("", end: true);
            return _out.ToString();
        }
    }

    /// <summary>html2text's <c>escape_md_section</c> (not "snob"): a number and a dot, a plus or a dash at a line's start, so no list begins.</summary>
    private static string EscapeSection(string text)
    {
        text = BackslashBeforeMarkup().Replace(text, @"\$1");
        text = DotAtStart().Replace(text, @"$1\.");
        text = PlusAtStart().Replace(text, @"$1\+");
        return DashAtStart().Replace(text, @"$1\-");
    }

    private static string EscapeMd(string text) => MdChars().Replace(text, @"\$1");

    /// <summary>
    /// html2text's <c>optwrap</c>: each line longer than the width is wrapped at its spaces (Python's textwrap, no word
    /// broken), except a list item or a line that starts like one; a line ending in a hard break keeps it; a line of
    /// spaces alone is dropped to a line break; at most two line breaks in a row.
    /// </summary>
    private static string Wrap(string text, int width)
    {
        var result = new StringBuilder();
        var newlines = 0;
        foreach (var para in text.Split('\n'))
        {
            if (para.Length > 0)
            {
                if (!SkipWrap(para))
                {
                    result.Append(string.Join('\n', WrapLine(para, width)));
                    if (para.EndsWith("  ", StringComparison.Ordinal))
                    {
                        result.Append("  \n");
                        newlines = 1;
                    }
                    else
                    {
                        result.Append("\n\n");
                        newlines = 2;
                    }
                }
                else if (!OnlySpace().IsMatch(para))
                {
                    result.Append(para).Append('\n');
                    newlines = 1;
                }
            }
            else if (newlines < 2)
            {
                result.Append('\n');
                newlines++;
            }
        }

        return result.ToString();
    }

    private static bool SkipWrap(string para)
    {
        if (para.StartsWith("    ", StringComparison.Ordinal) || para[0] == '\t') return true;
        var stripped = para.TrimStart();
        if (stripped.StartsWith("--", StringComparison.Ordinal) && stripped.Length > 2 && stripped[2] != '-') return false;
        if (stripped.Length > 0 && stripped[0] is '-' or '*' && !stripped.StartsWith("**", StringComparison.Ordinal)) return true;
        return ListItem().IsMatch(stripped);
    }

    /// <summary>
    /// Python's <c>textwrap.wrap(line, width, break_long_words=False)</c>: the line cut into words and runs of spaces,
    /// as many as fit on each line, a word longer than the width on a line of its own, the spaces at a line's end
    /// and (but on the first) at its start dropped, runs of spaces inside a line kept ("规章|  | -| 0").
    /// </summary>
    private static List<string> WrapLine(string line, int width)
    {
        var chunks = new Queue<string>(SpaceRuns().Split(line.Replace('\t', ' ')).Where(c => c.Length > 0));
        var lines = new List<string>();
        while (chunks.Count > 0)
        {
            if (lines.Count > 0 && chunks.Peek().Trim().Length == 0) chunks.Dequeue();
            var current = new List<string>();
            var length = 0;
            while (chunks.Count > 0 && length + chunks.Peek().Length <= width) length += Take(current, chunks);
            if (current.Count == 0 && chunks.Count > 0) Take(current, chunks);
            if (current.Count > 0 && current[^1].Trim().Length == 0) current.RemoveAt(current.Count - 1);
            if (current.Count > 0) lines.Add(string.Concat(current));
        }

        return lines;

        static int Take(List<string> line, Queue<string> chunks)
        {
            var chunk = chunks.Dequeue();
            line.Add(chunk);
            return chunk.Length;
        }
    }

    [GeneratedRegex("( +)")]
    private static partial Regex SpaceRuns();

    [GeneratedRegex(@"[\s-[\u00a0]]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\s*$")]
    private static partial Regex OnlySpace();

    [GeneratedRegex(@"^\s*(?:\d+\.|[-*+])\s")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"(\\)(?=[\\`*_{}\[\]()#+\-.!])")]
    private static partial Regex BackslashBeforeMarkup();

    [GeneratedRegex(@"^(\s*\d+)\.(?=\s)", RegexOptions.Multiline)]
    private static partial Regex DotAtStart();

    [GeneratedRegex(@"^(\s*)\+(?=\s)", RegexOptions.Multiline)]
    private static partial Regex PlusAtStart();

    [GeneratedRegex(@"^(\s*)-(?=\s|-)", RegexOptions.Multiline)]
    private static partial Regex DashAtStart();

    [GeneratedRegex(@"([\\\[\]()])")]
    private static partial Regex MdChars();
}
