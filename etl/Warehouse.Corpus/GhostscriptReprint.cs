using System.Diagnostics;

namespace Warehouse.Corpus;

/// <summary>
/// Prints a PDF again through Ghostscript's <c>pdfwrite</c>, as the virtual printers built on it (PDFCreator, Bullzip)
/// and the "compress a PDF" tools do to a report before it is published. The pages look the same, but every font is
/// a new subset whose glyphs get one-byte codes in the order they are first drawn, so a font of more than 254 glyphs
/// shows strings whose bytes begin with FE FF, which a reader may take for a UTF-16 byte-order mark (the parser's
/// <c>MarkedStringRepair</c>); the text is drawn line by line with <c>'</c> and <c>TL</c>, and cells' numbers as
/// strings of their own. One document in four of the <c>pdf</c> layout is so printed (<see cref="Rate"/>), after its
/// pages are turned (<see cref="SidewaysPages"/>); Ghostscript is told not to set turned pages upright.
/// </summary>
public static class GhostscriptReprint
{
    /// <summary>The share of <c>pdf</c> documents printed again through Ghostscript.</summary>
    public const double Rate = 0.25;

    public const string InstallHint = "the pdf layout prints a quarter of its documents again with Ghostscript: apt-get install ghostscript";

    /// <summary>Whether the report's PDF is printed again, drawn from the report's own seed.</summary>
    /// <param name="quirkSeed">The generated report's <see cref="GeneratedReport.QuirkSeed"/>.</param>
    public static bool Draw(int quirkSeed) =>
        // A stream of its own, so the document's other draws stay as they were.
        new Random(unchecked((quirkSeed * 31) + 53)).NextDouble() < Rate;

    /// <summary>The gs executable on PATH, or null.</summary>
    public static string? Find() => ExecutableOnPath.Find("gs");

    /// <summary>Replaces the PDF at <paramref name="path"/> with Ghostscript's print of it.</summary>
    /// <exception cref="InvalidOperationException">Ghostscript is not installed.</exception>
    /// <exception cref="IOException">Ghostscript failed on the file.</exception>
    public static async Task ApplyAsync(string path, CancellationToken ct)
    {
        var program = Find() ?? throw new InvalidOperationException(InstallHint);
        var printed = path + ".gs.pdf";
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dAutoRotatePages=/None", "-o", printed, path })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Ghostscript did not start");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 || !File.Exists(printed))
        {
            throw new IOException($"Ghostscript exited with {process.ExitCode} on {path}: {(await stderr).Trim()}");
        }

        File.Move(printed, path, overwrite: true);
    }
}
