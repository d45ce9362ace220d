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

    /// <summary>The pdftotext executable on PATH, or null.</summary>
    public static string? Find() => ExecutableOnPath.Find("pdftotext");

    /// <summary>Writes the text of <paramref name="pdf"/> to <paramref name="txt"/> (UTF-8), laid out, or in drawing order when <paramref name="raw"/>.</summary>
    public static async Task ExtractAsync(string pdf, string txt, CancellationToken ct, bool raw = false)
    {
        var program = Find() ?? throw new InvalidOperationException(InstallHint);
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { raw ? "-raw" : "-layout", "-enc", "UTF-8", pdf, txt }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new IOException($"pdftotext exited with {process.ExitCode} on {pdf}: {(await stderr).Trim()}");
    }
}
