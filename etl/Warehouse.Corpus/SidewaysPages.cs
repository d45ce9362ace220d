using UglyToad.PdfPig;
using UglyToad.PdfPig.Graphics.Operations.SpecialGraphicsState;
using UglyToad.PdfPig.Writer;

namespace Warehouse.Corpus;

/// <summary>
/// Turns pages of a PDF sideways, as a printer driver prints a landscape table onto paper the other way
/// round, or a scanner's software keeps a page it read across: the page's content is drawn a quarter turn
/// round on a sheet of the swapped size, its text running up the sheet (or down it), and no <c>/Rotate</c>
/// sets it upright again. What the page says is unchanged; only a reader that goes by the letters' direction
/// reads it. One document in five of the <c>pdf</c> layout is so made (<see cref="Rate"/>), about half its
/// pages turned, all one way.
/// </summary>
public static class SidewaysPages
{
    /// <summary>The share of <c>pdf</c> documents with sideways pages.</summary>
    public const double Rate = 0.2;

    /// <summary>Which pages of a document to turn and which way, drawn from the report's own seed; null when none.</summary>
    /// <param name="quirkSeed">The generated report's <see cref="GeneratedReport.QuirkSeed"/>.</param>
    public static Turning? Draw(int quirkSeed)
    {
        // A stream of its own, so the document's other draws stay as they were.
        var rng = new Random(unchecked((quirkSeed * 31) + 11));
        return rng.NextDouble() < Rate ? new Turning(rng.Next(), Up: rng.Next(2) == 0) : null;
    }

    /// <summary>Which pages a sideways document turns: each with even odds from <paramref name="Seed"/>, at least one.</summary>
    /// <param name="Up">The turned pages' text runs up the sheet; else down it.</param>
    public sealed record Turning(int Seed, bool Up);

    /// <summary>Rewrites the PDF at <paramref name="path"/> with the pages <paramref name="turning"/> picks turned sideways.</summary>
    /// <exception cref="IOException">The file cannot be read or written.</exception>
    public static void Apply(string path, Turning turning)
    {
        var rng = new Random(turning.Seed);
        var bytes = File.ReadAllBytes(path);
        int count;
        using (var source = PdfDocument.Open(bytes)) count = source.NumberOfPages;
        var turned = Enumerable.Range(1, count).Where(_ => rng.Next(2) == 0).ToHashSet();
        if (turned.Count == 0) turned.Add(1 + rng.Next(count));
        File.WriteAllBytes(path, Turn(bytes, turning.Up, turned.Contains));
    }

    /// <summary>
    /// The PDF <paramref name="pdf"/> with each page that <paramref name="turns"/> picks (by its number, from 1) drawn a
    /// quarter turn round on a sheet of the swapped size, its text running up the sheet when <paramref name="up"/>,
    /// else down it; the other pages as they were.
    /// </summary>
    public static byte[] Turn(byte[] pdf, bool up, Func<int, bool> turns)
    {
        using var source = PdfDocument.Open(pdf);
        var builder = new PdfDocumentBuilder();
        for (var number = 1; number <= source.NumberOfPages; number++)
        {
            if (!turns(number))
            {
                builder.AddPage(source, number);
                continue;
            }

            // A quarter turn counter-clockwise (text runs up) maps (x, y) to (h - y, x) on a sheet h wide and w high;
            // clockwise (text runs down), to (y, w - x).
            var page = source.GetPage(number);
            double w = page.Width, h = page.Height;
            var sheet = builder.AddPage(h, w);
            double[] matrix = up ? [0, 1, -1, 0, h, 0] : [0, -1, 1, 0, 0, w];
            sheet.CurrentStream.Operations.Add(new ModifyCurrentTransformationMatrix(matrix));
            sheet.CopyFrom(page);
        }

        return builder.Build();
    }
}
