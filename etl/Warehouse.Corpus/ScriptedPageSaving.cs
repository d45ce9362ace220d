using System.Text;
using System.Text.Json;

namespace Warehouse.Corpus;

/// <summary>
/// A portal page whose article a script writes, as a crawler that runs no script saves it: the page's body is an
/// empty <c>&lt;div id="app"&gt;</c>, and the article's HTML stands in a script, in one of three forms a front-end
/// framework uses: a string (<c>var content = "&lt;p&gt;…&lt;\/table&gt;…";</c>), a JSON state object whose
/// non-ASCII characters and &lt; &gt; are <c>\uXXXX</c> escapes (<c>window.__INITIAL_STATE__ = {"article":{"content":…}}</c>),
/// or a template (<c>&lt;script type="text/html"&gt;</c>). One <c>html-trs</c> page in twenty is so saved
/// (<see cref="Rate"/>). Applied when the corpus is written, before <see cref="Utf16Saving"/>, so the rendered bytes
/// stay as they were.
/// </summary>
public static class ScriptedPageSaving
{
    /// <summary>The share of <c>html-trs</c> pages saved with their article in a script.</summary>
    public const double Rate = 0.05;

    /// <summary>Whether the layout's pages are ever so saved (UTF-8 pages: the GBK layout is left as served).</summary>
    public static bool Applies(string layout) => layout is Layouts.HtmlTrs;

    /// <summary>The UTF-8 page as saved: as it is, or with its body's HTML in a script, drawn from the report's seed.</summary>
    /// <param name="quirkSeed">The generated report's <see cref="GeneratedReport.QuirkSeed"/>: a stream of its own, so its other draws stay.</param>
    public static byte[] Apply(byte[] utf8, int quirkSeed)
    {
        var rng = new Random(unchecked((quirkSeed * 31) + 61));
        return rng.NextDouble() < Rate ? Encoding.UTF8.GetBytes(Scripted(Encoding.UTF8.GetString(utf8), rng.Next(3))) : utf8;
    }

    /// <summary>The page with its body moved into a script: <paramref name="form"/> 0 a string, 1 a JSON state object, 2 a template.</summary>
    public static string Scripted(string page, int form)
    {
        var open = page.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var close = page.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        if (open < 0 || close < open) throw new ArgumentException("The page has no body to move into a script.", nameof(page));
        var start = page.IndexOf('>', open) + 1;
        var body = page[start..close];
        var script = form switch
        {
            0 => "<script>var content = \"" + Quoted(body) + "\";\ndocument.getElementById(\"app\").innerHTML = content;</script>",
            1 => "<script>window.__INITIAL_STATE__ = " + JsonSerializer.Serialize(new { article = new { id = 1, content = body } }) + ";</script>",
            _ => "<script type=\"text/html\" id=\"article-tpl\">" + body + "</script>",
        };
        return page[..start] + "<div id=\"app\"></div>" + script + "<script src=\"/static/js/app.js\"></script>" + page[close..];
    }

    // A JavaScript string's escapes for the page's text; "</" as "<\/", so that no "</script>" ends the script.
    private static string Quoted(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("</", "<\\/", StringComparison.Ordinal);
}
