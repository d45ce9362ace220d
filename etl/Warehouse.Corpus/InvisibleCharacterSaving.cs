using System.Text;
using System.Text.RegularExpressions;

namespace Warehouse.Corpus;

/// <summary>
/// Text and pages that carry characters a reader never sees: the zero-width space that web editors (UEditor, used by
/// most county portals, fills an empty place with it) leave around inline markup, the byte order mark a copy from a
/// WeChat article keeps inside the text, the soft hyphen and the word joiner of office tools. One document in twenty
/// of the portal layouts and of the text copied from them (<see cref="Applies"/>) has them, one after about one
/// character in forty of its text, numbers included (<see cref="Rate"/>, <see cref="Density"/>). A page gets them
/// in its text only (never in a tag, a comment, a script or an entity): raw in a UTF-8 page, as entities
/// ("&amp;#8203;", "&amp;shy;", "&amp;#xFEFF;", "&amp;#8288;") in a GBK page, whose charset has no such characters.
/// Text laid out in columns keeps its visible columns: the characters are added, never put for a space. Applied
/// when the corpus is written (after <see cref="LineSeparatorSaving"/>, before <see cref="Utf16Saving"/>), so the
/// rendered bytes stay as they were; the values and findings are the report's own, as a reader sees the text.
/// </summary>
public static partial class InvisibleCharacterSaving
{
    static InvisibleCharacterSaving() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The share of those layouts' documents that carry invisible characters.</summary>
    public const double Rate = 0.05;

    /// <summary>The share of a document's visible characters followed by an invisible one.</summary>
    public const double Density = 0.025;

    // The zero-width space most (editors), then the byte order mark (copies), the soft hyphen and the word joiner.
    private static readonly (string Raw, string Entity)[] Characters =
    [
        ("\u200B", "&#8203;"), ("\u200B", "&#8203;"), ("\u200B", "&#8203;"),
        ("\uFEFF", "&#xFEFF;"), ("\u00AD", "&shy;"), ("\u2060", "&#8288;"),
    ];

    /// <summary>Whether the layout's documents ever carry them: portal pages and the text that tools copy from them.</summary>
    public static bool Applies(string layout) => layout is Layouts.HtmlTrs or Layouts.HtmlHanwebGbk or Layouts.Markdown
        or Layouts.MarkdownHtml2Text or Layouts.TextTab or Layouts.TextCell or Layouts.TextStream or Layouts.TextBoxDraw;

    /// <summary>The document as saved: its bytes as they are, or with invisible characters in its text, drawn from the report's seed.</summary>
    /// <param name="bytes">The rendered document: UTF-8, or GBK for <see cref="Layouts.HtmlHanwebGbk"/>.</param>
    /// <param name="layout">The document's layout: a page gets them in its text nodes only.</param>
    /// <param name="quirkSeed">The generated report's <see cref="GeneratedReport.QuirkSeed"/>: a stream of its own, so its other draws stay.</param>
    public static byte[] Apply(byte[] bytes, string layout, int quirkSeed)
    {
        var rng = new Random(unchecked((quirkSeed * 31) + 29));
        if (rng.NextDouble() >= Rate) return bytes;
        var gbk = layout == Layouts.HtmlHanwebGbk;
        var encoding = gbk ? Encoding.GetEncoding("GB18030") : Encoding.UTF8;
        var text = encoding.GetString(bytes);
        var page = layout is Layouts.HtmlTrs or Layouts.HtmlHanwebGbk;
        var saved = new StringBuilder(text.Length + (text.Length / 20));
        foreach (var piece in page ? Markup().Split(text) : [text])
        {
            if (page && (piece.StartsWith('<') || piece.StartsWith('&')))
            {
                saved.Append(piece);
                continue;
            }

            foreach (var ch in piece)
            {
                saved.Append(ch);
                if (char.IsWhiteSpace(ch) || char.IsHighSurrogate(ch) || rng.NextDouble() >= Density) continue;
                var (raw, entity) = Characters[rng.Next(Characters.Length)];
                saved.Append(gbk ? entity : raw);
            }
        }

        return encoding.GetBytes(saved.ToString());
    }

    // What of a page is not its text: comments, scripts and styles whole, tags, entities (kept whole, split out).
    [GeneratedRegex(@"(<!--.*?-->|<script\b.*?</script>|<style\b.*?</style>|<[^>]*>|&#?\w+;)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Markup();
}
