using System.Diagnostics;
using System.Globalization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Graphics.Operations.PathPainting;
using UglyToad.PdfPig.Graphics.Operations.TextObjects;
using UglyToad.PdfPig.Graphics.Operations.TextState;
using UglyToad.PdfPig.Writer;

namespace Warehouse.Corpus;

/// <summary>
/// Makes a PDF a scan made searchable, as offices publish a printed and stamped report that an OCR tool (Acrobat, ABBYY,
/// ocrmypdf) went over: each page a grey JPEG picture of the page (poppler's <c>pdftoppm</c> at 100 dpi), and over it the
/// page's own letters where they stand, drawn invisibly (text rendering mode 3, ISO 32000-1 §9.3.6), with the rules no
/// longer painted (each path ended with <c>n</c>), so that only the picture shows them: a perfect recognition. The
/// <c>pdf-scan-ocr</c> layout is the <c>pdf</c> layout's LibreOffice PDF (never turned sideways nor printed again) so made.
/// </summary>
public static class SearchableScan
{
    public const string InstallHint = "The pdf-scan-ocr layout pictures its pages with poppler: apt-get install poppler-utils";

    /// <summary>The resolution of the pages' pictures, in dots per inch.</summary>
    public const int Dpi = 100;

    /// <summary>The pdftoppm executable on PATH, or null.</summary>
    public static string? Find() => ExecutableOnPath.Find("pdftoppm");

    /// <summary>Replaces the PDF at <paramref name="path"/> with its searchable scan.</summary>
    /// <exception cref="InvalidOperationException">poppler is not installed.</exception>
    /// <exception cref="IOException">pdftoppm failed on the file, or made no picture of a page.</exception>
    public static async Task ApplyAsync(string path, CancellationToken ct)
    {
        var program = Find() ?? throw new InvalidOperationException(InstallHint);
        var prefix = path + ".page";
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-r", Dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-jpeg", "-jpegopt", "quality=50", path, prefix }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new IOException($"pdftoppm exited with {process.ExitCode} on {path}: {(await stderr).Trim()}");

        // pdftoppm numbers the pictures "-1.jpg" or "-01.jpg", as many digits as the last page's number has.
        var pictures = Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(prefix) + "-*.jpg")
            .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f)[(Path.GetFileName(prefix).Length + 1)..], CultureInfo.InvariantCulture))
            .ToList();
        try
        {
            var bytes = await File.ReadAllBytesAsync(path, ct);
            var scan = Searchable(bytes, await Task.WhenAll(pictures.Select(p => File.ReadAllBytesAsync(p, ct))));
            await File.WriteAllBytesAsync(path, scan, ct);
        }
        finally
        {
            foreach (var picture in pictures) File.Delete(picture);
        }
    }

    /// <summary>
    /// The PDF's searchable scan: each page the JPEG of the same index beneath the page's own content, its text drawn
    /// invisibly and its paths unpainted.
    /// </summary>
    /// <exception cref="IOException">Fewer pictures than pages.</exception>
    public static byte[] Searchable(byte[] pdf, IReadOnlyList<byte[]> pictures)
    {
        using var source = PdfDocument.Open(pdf);
        if (pictures.Count < source.NumberOfPages) throw new IOException($"{pictures.Count} pictures for {source.NumberOfPages} pages.");
        var builder = new PdfDocumentBuilder();
        for (var number = 1; number <= source.NumberOfPages; number++)
        {
            var page = source.GetPage(number);
            var scan = builder.AddPage(page.Width, page.Height);
            scan.AddJpeg(pictures[number - 1], new PdfRectangle(0, 0, page.Width, page.Height));
            scan.CopyFrom(page);
            var operations = scan.CurrentStream.Operations;
            for (var i = 0; i < operations.Count; i++)
            {
                if (operations[i] is BeginText) operations.Insert(++i, new SetTextRenderingMode(TextRenderingMode.Neither));
                else if (operations[i] is SetTextRenderingMode) operations[i] = new SetTextRenderingMode(TextRenderingMode.Neither);
                else if (Paints(operations[i])) operations[i] = EndPath.Value;
            }
        }

        return builder.Build();
    }

    private static bool Paints(IGraphicsStateOperation operation) => operation is StrokePath or CloseAndStrokePath or FillPathNonZeroWinding
        or FillPathNonZeroWindingCompatibility or FillPathEvenOddRule or FillPathNonZeroWindingAndStroke or FillPathEvenOddRuleAndStroke
        or CloseFillPathNonZeroWindingAndStroke or CloseFillPathEvenOddRuleAndStroke;
}
