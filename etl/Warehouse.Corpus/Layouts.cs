namespace Warehouse.Corpus;

/// <summary>The physical layouts reports are published in (domain.md, "Layouts met in practice").</summary>
public static class Layouts
{
    /// <summary>PDF/DOCX-extracted text, one row per line with tab-separated cells (seeds 000, 003).</summary>
    public const string TextTab = "text-tab";

    /// <summary>DOCX-extracted text, one cell per line behind a tab, rows between blank lines (seeds 001, 002, 004).</summary>
    public const string TextCell = "text-cell";

    /// <summary>A TRS-style portal article page in UTF-8: nested layout tables, rowspan/colspan, labels split by &lt;br&gt;.</summary>
    public const string HtmlTrs = "html-trs";

    /// <summary>A Hanweb-style portal article page in GBK (declared gb2312): paragraphs inside cells.</summary>
    public const string HtmlHanwebGbk = "html-hanweb-gbk";

    /// <summary>A Word attachment: merged cells (gridSpan, vMerge), a table split in two, a title in a text box.</summary>
    public const string Docx = "docx";

    /// <summary>The DOCX layout turned into PDF by LibreOffice.</summary>
    public const string Pdf = "pdf";

    public static IReadOnlyList<string> All { get; } = [TextTab, TextCell, HtmlTrs, HtmlHanwebGbk, Docx, Pdf];

    public static IReadOnlyList<string> WithoutPdf { get; } = [TextTab, TextCell, HtmlTrs, HtmlHanwebGbk, Docx];

    public static string Extension(string layout) => layout switch
    {
        TextTab or TextCell => "txt",
        HtmlTrs or HtmlHanwebGbk => "html",
        Docx => "docx",
        Pdf => "pdf",
        _ => throw new ArgumentException($"Unknown layout '{layout}'.", nameof(layout)),
    };
}
