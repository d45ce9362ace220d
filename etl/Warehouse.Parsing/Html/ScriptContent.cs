using System.Globalization;
using System.Text;
using AngleSharp.Dom;

namespace Warehouse.Parsing.Html;

/// <summary>
/// The article of a page that a script writes into it: portals built on a front-end framework serve an empty
/// <c>&lt;div id="app"&gt;</c> and the article's HTML in the page's scripts, as a string
/// (<c>var content = "&lt;p&gt;…&lt;table&gt;…";</c>, a JSON state object <c>{"content":"&lt;p&gt;…"}</c>) or as a
/// template (<c>&lt;script type="text/html"&gt;&lt;table&gt;…&lt;/script&gt;</c>). A crawler that runs no script
/// saves the page so; the browser would show the article.
/// </summary>
public static class ScriptContent
{
    // Words every report's tables hold (表三's first row, 表二's sub-table headings): an HTML string holding a table
    // and one of them is the article, not a menu or a widget.
    private static readonly string[] TemplateWords = ["政府信息公开申请", "第二十条", "主动公开政府信息"];

    /// <summary>
    /// The longest piece of HTML in the page's scripts that holds a table and the template's words: a template's text
    /// as it stands, or a JavaScript string literal (single, double or back quotes) decoded from its escapes
    /// (<c>\"</c>, <c>\/</c>, <c>\n</c>, <c>\uXXXX</c>, <c>\xXX</c>). Null when no script holds one.
    /// </summary>
    public static string? Article(IDocument document)
    {
        string? best = null;
        foreach (var script in document.QuerySelectorAll("script"))
        {
            var text = script.TextContent;
            if (text.Length < 200 || !text.Contains("table", StringComparison.OrdinalIgnoreCase)) continue;
            var type = script.GetAttribute("type") ?? "";
            // A template (text/html, text/template, text/x-template): HTML as it stands, never run.
            IEnumerable<string> pieces = type.Contains("html", StringComparison.OrdinalIgnoreCase) || type.Contains("template", StringComparison.OrdinalIgnoreCase)
                ? [text]
                : Literals(text);
            foreach (var piece in pieces)
            {
                if (piece.Length > (best?.Length ?? 0) && IsArticle(piece)) best = piece;
            }
        }

        return best;
    }

    private static bool IsArticle(string html) =>
        html.Contains("<table", StringComparison.OrdinalIgnoreCase) && TemplateWords.Any(w => html.Contains(w, StringComparison.Ordinal));

    /// <summary>The string literals of a script that are long enough to hold a table, decoded.</summary>
    private static IEnumerable<string> Literals(string script)
    {
        var i = 0;
        while (i < script.Length)
        {
            var ch = script[i];
            if (ch == '/' && i + 1 < script.Length && script[i + 1] == '/')
            {
                // A line comment: its quotes open nothing.
                var end = script.IndexOf('\n', i);
                i = end < 0 ? script.Length : end + 1;
                continue;
            }

            if (ch == '/' && i + 1 < script.Length && script[i + 1] == '*')
            {
                var end = script.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? script.Length : end + 2;
                continue;
            }

            if (ch is not ('"' or '\'' or '`'))
            {
                i++;
                continue;
            }

            var (value, next) = Literal(script, i);
            i = next;
            if (value is { Length: > 100 }) yield return value;
        }
    }

    // The literal opening at a quote, decoded, and the index after its closing quote (the script's end when unclosed).
    private static (string? Value, int Next) Literal(string script, int open)
    {
        var quote = script[open];
        var sb = new StringBuilder();
        var i = open + 1;
        while (i < script.Length)
        {
            var ch = script[i];
            if (ch == quote) return (sb.ToString(), i + 1);
            // A line break ends a quoted string that did not close: what was read was no literal.
            if (ch == '\n' && quote != '`') return (null, i + 1);
            if (ch != '\\' || i + 1 >= script.Length)
            {
                sb.Append(ch);
                i++;
                continue;
            }

            var e = script[i + 1];
            i += 2;
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'v': sb.Append('\v'); break;
                case '0' when i >= script.Length || !char.IsAsciiDigit(script[i]): sb.Append('\0'); break;
                case '\r':
                    // A line continuation.
                    if (i < script.Length && script[i] == '\n') i++;
                    break;
                case '\n': break;
                case 'u' when i < script.Length && script[i] == '{':
                    var close = script.IndexOf('}', i);
                    if (close > i && int.TryParse(script.AsSpan(i + 1, close - i - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var point) && point <= 0x10FFFF)
                    {
                        sb.Append(char.ConvertFromUtf32(point));
                        i = close + 1;
                    }
                    else sb.Append('u');

                    break;
                case 'u' when i + 4 <= script.Length && ushort.TryParse(script.AsSpan(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit):
                    sb.Append((char)unit);
                    i += 4;
                    break;
                case 'x' when i + 2 <= script.Length && byte.TryParse(script.AsSpan(i, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    sb.Append((char)code);
                    i += 2;
                    break;
                default:
                    // \" \' \\ \/ and any other character stand for themselves.
                    sb.Append(e);
                    break;
            }
        }

        return (null, script.Length);
    }
}
