using System.Diagnostics;

namespace Warehouse.Corpus;

/// <summary>
/// Runs poppler's <c>pdftotext -layout</c>, as archives and OCR pipelines extract the text of PDF reports, or for a share
/// of them <c>pdftotext -raw</c>: the text in the order the PDF draws it, as PyMuPDF's and crawlers' extractions give it
/// (a wrapped number's end right after its cell, each cell of a narrow column on a line of its own).
/// </summary>
public static class Pdftotext
{
    public const string InstallHint = "The text-pdftotext layout needs poppler: apt-get install poppler-utils";

    /// <summary>The share of text-pdftotext documents extracted with <c>-raw</c> rather than <c>-layout</c>.</summary>
    public const double RawRate = 0.3;

    /// <summary>Whether the report's text is extracted with <c>-raw</c>, drawn from the report's own seed.</summary>
    /// <param name="quirkSeed">The generated report's <see cref="GeneratedReport.QuirkSeed"/>.</param>
    public static bool DrawRaw(int quirkSeed) =>
        // A stream of its own, so the document's other draws stay as they were.
        new Random(unchecked((quirkSeed * 31) + 71)).NextDouble() < RawRate;

    /// <summary>The share of text-pdftotext documents laid out (<c>-layout</c>) whose tables 二 and 三 leave zeros blank, and table 四 when all its cells are zero.</summary>
    public const double BlankRate = 0.3;

    /// <summary>
    /// Whether the report's tables 二 and 三 (and table 四 of zeros) leave zeros blank (<see cref="Rendering.DocxRenderer"/>): only in text laid out by columns,
    /// which says where a blank cell stood; in drawing order (<c>-raw</c>) a blank cell leaves no trace, and its row
    /// can only be read as lacking a cell.
    /// </summary>
    /// <param name="quirkSeed">The generated report's <see cref="GeneratedReport.QuirkSeed"/>.</param>
    public static bool DrawBlanks(int quirkSeed) =>
        // Seeded far from DrawRaw's stream: Random's first draws for seeds a few apart are nearly the same.
        !DrawRaw(quirkSeed) && new Random(unchecked((quirkSeed * -1640531535) + 73)).NextDouble() < BlankRate;

    /// <summary>How pdftotext writes a document: its text laid out or in drawing order, or its words and their boxes.</summary>
    public enum Form
    {
        /// <summary><c>-layout</c>: text laid out by columns.</summary>
        Layout,

        /// <summary><c>-raw</c>: text in the order the PDF draws it.</summary>
        Raw,

        /// <summary><c>-tsv</c>: a tab-separated table of words and their boxes (the columns Tesseract writes too).</summary>
        Tsv,

        /// <summary><c>-bbox-layout</c>: an XHTML page of words and their boxes in flows, blocks and lines.</summary>
        BoxesPage,

        /// <summary><c>-htmlmeta -layout</c>: the laid-out text in one &lt;pre&gt; of an XHTML page.</summary>
        PreformattedPage,

        /// <summary>
        /// Not pdftotext but its sibling <c>pdftohtml -xml -i</c>: runs of text and their boxes in pixels (pdf2xml), a run cut
        /// where the font changes ("430" / ".9" / "1").
        /// </summary>
        RunsXml,
    }

    /// <summary>The share of text-pdftotext documents, not drawn <c>-raw</c>, written as words and boxes or as a page (each form a quarter of it).</summary>
    public const double OtherFormRate = 0.15;

    /// <summary>
    /// How the report's text is written: <c>-raw</c> as <see cref="DrawRaw"/> draws it; otherwise, from a stream of its
    /// own (so that the other draws stay as they were), one in seven as words and boxes (-tsv, -bbox-layout, pdftohtml's
    /// -xml) or as a page of preformatted text (-htmlmeta), the rest laid out.
    /// </summary>
    /// <param name="quirkSeed">The generated report's <see cref="GeneratedReport.QuirkSeed"/>.</param>
    public static Form DrawForm(int quirkSeed)
    {
        if (DrawRaw(quirkSeed)) return Form.Raw;
        var draw = new Random(unchecked((quirkSeed * 40503) + 97)).NextDouble();
        return draw >= OtherFormRate ? Form.Layout
            : draw < OtherFormRate / 4 ? Form.Tsv
            : draw < OtherFormRate * 2 / 4 ? Form.BoxesPage
            : draw < OtherFormRate * 3 / 4 ? Form.PreformattedPage
            : Form.RunsXml;
    }

    /// <summary>The pdftotext executable on PATH, or null.</summary>
    public static string? Find() => ExecutableOnPath.Find("pdftotext");

    /// <summary>Writes the text of <paramref name="pdf"/> to <paramref name="txt"/> (UTF-8) in the <paramref name="form"/> given.</summary>
    public static async Task ExtractAsync(string pdf, string txt, CancellationToken ct, Form form = Form.Layout)
    {
        if (form == Form.RunsXml)
        {
            await RunsXmlAsync(pdf, txt, ct);
            return;
        }

        var program = Find() ?? throw new InvalidOperationException(InstallHint);
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] how = form switch
        {
            Form.Raw => ["-raw"],
            Form.Tsv => ["-tsv"],
            Form.BoxesPage => ["-bbox-layout"],
            Form.PreformattedPage => ["-htmlmeta", "-layout"],
            _ => ["-layout"],
        };
        foreach (var arg in how.Concat(["-enc", "UTF-8", pdf, txt])) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new IOException($"pdftotext exited with {process.ExitCode} on {pdf}: {(await stderr).Trim()}");
    }

    // pdftohtml -xml writes OUT.xml beside the stem it is given (and, without -i, the page's images): written to a stem
    // in txt's folder, then moved to txt.
    private static async Task RunsXmlAsync(string pdf, string txt, CancellationToken ct)
    {
        var program = ExecutableOnPath.Find("pdftohtml") ?? throw new InvalidOperationException(InstallHint);
        var stem = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(txt))!, Path.GetFileNameWithoutExtension(txt) + ".pdf2xml");
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-q", "-xml", "-i", "-enc", "UTF-8", pdf, stem }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftohtml did not start");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new IOException($"pdftohtml exited with {process.ExitCode} on {pdf}: {(await stderr).Trim()}");
        File.Move(stem + ".xml", txt, overwrite: true);
    }
}
