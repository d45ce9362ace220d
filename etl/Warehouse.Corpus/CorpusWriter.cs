using System.Text;
using System.Text.Json;
using Warehouse.Core;
using Warehouse.Corpus.Rendering;

namespace Warehouse.Corpus;

/// <summary>
/// Writes a generated corpus: each report in its layout beside its expected JSON, and a
/// manifest. Everything is made in a work folder inside <c>outDir</c> and moved out when the
/// last report is made, so a failure (LibreOffice, Chromium, a full disk) leaves <c>outDir</c>
/// as it was. PDFs are made from their DOCX in batches at the end, and the text-pdftotext
/// layout is pdftotext's text of such a PDF; the pdf-browser layout's pages are printed there too, and the
/// text-libreoffice layout's DOCX saved as text.
/// </summary>
/// <param name="pdf">Makes the PDF layout; LibreOffice (<see cref="SofficePdfConverter"/>) when null.</param>
/// <param name="printer">Prints the pdf-browser layout; when null Chromium (<see cref="ChromiumPagePrinter"/>), and wkhtmltopdf (<see cref="WkhtmltopdfPagePrinter"/>) and WeasyPrint (<see cref="WeasyPrintPagePrinter"/>) for the pages drawn for them.</param>
/// <param name="officeText">Saves the text-libreoffice layout's DOCX as text; LibreOffice (<see cref="SofficeTextConverter"/>) when null.</param>
public sealed class CorpusWriter(IPdfConverter? pdf = null, IPagePrinter? printer = null, IPdfConverter? officeText = null)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task<CorpusManifest> WriteAsync(string outDir, CorpusOptions options, IProgress<int>? progress, CancellationToken ct)
    {
        Validate(options);
        if (options.Layouts.Contains(Layouts.TextPdftotext) && Pdftotext.Find() is null) throw new InvalidOperationException(Pdftotext.InstallHint);
        if (officeText is null && options.Layouts.Any(Layouts.NeedsOfficeText) && SofficePdfConverter.Find() is null) throw new InvalidOperationException(SofficeTextConverter.InstallHint);
        if (options.Layouts.Contains(Layouts.Pdf) && GhostscriptReprint.Find() is null) throw new InvalidOperationException(GhostscriptReprint.InstallHint);
        if (options.Layouts.Contains(Layouts.PdfScanOcr) && SearchableScan.Find() is null) throw new InvalidOperationException(SearchableScan.InstallHint);
        if (printer is null && options.Layouts.Any(Layouts.NeedsBrowser) && ChromiumPagePrinter.Find() is null) throw new InvalidOperationException(ChromiumPagePrinter.InstallHint);
        if (printer is null && options.Layouts.Any(Layouts.NeedsBrowser) && WkhtmltopdfPagePrinter.Find() is null) throw new InvalidOperationException(WkhtmltopdfPagePrinter.InstallHint);
        if (printer is null && options.Layouts.Any(Layouts.NeedsBrowser) && WeasyPrintPagePrinter.Find() is null) throw new InvalidOperationException(WeasyPrintPagePrinter.InstallHint);
        Directory.CreateDirectory(outDir);
        var entries = new List<CorpusEntry>();
        var pending = new List<(CorpusEntry Entry, string Docx, SidewaysPages.Turning? Turning, bool Reprint, Pdftotext.Form Form)>();
        var prints = new List<(CorpusEntry Entry, PagePrint Print)>();
        var officeTexts = new List<(CorpusEntry Entry, string Docx)>();
        // Reports whose file is in place: the PDFs come in batches at the end.
        var written = 0;
        // Everything is made in a work folder of its own inside outDir (two writers into one folder
        // never share files, and the final renames stay on one file system), and moved out only
        // when every report is made: a failure halfway leaves outDir as it was.
        var work = Directory.CreateDirectory(Path.Combine(outDir, $".corpus-work-{Guid.NewGuid():N}")).FullName;
        try
        {
            for (var i = 0; i < options.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var layout = options.Layouts[i % options.Layouts.Count];
                var generated = options.Panel is { } panel
                    ? ReportFactory.CreateInPanel(options.Seed, i, options.InconsistentShare, panel)
                    : ReportFactory.Create(options.Seed, i, options.InconsistentShare);
                var entry = new CorpusEntry(i, layout, $"{i:D5}.{Layouts.Extension(layout)}", $"{i:D5}.expected.json");
                var rendition = Produce(generated, layout);
                var json = ReportJson.Serialize(rendition.Expected, rendition.Findings, file: null, layout: layout);
                await File.WriteAllBytesAsync(Path.Combine(work, entry.ExpectedFile), Encoding.UTF8.GetBytes(json), ct);

                var bytes = rendition.Bytes;
                if (Layouts.NeedsOfficeText(layout))
                {
                    var source = Path.Combine(work, $"{i:D5}.docx");
                    await File.WriteAllBytesAsync(source, bytes, ct);
                    officeTexts.Add((entry, source));
                }
                else if (Layouts.NeedsPdf(layout) || Layouts.NeedsBrowser(layout))
                {
                    var source = Path.Combine(work, $"{i:D5}.{(Layouts.NeedsPdf(layout) ? "docx" : "html")}");
                    await File.WriteAllBytesAsync(source, bytes, ct);
                    if (Layouts.NeedsPdf(layout))
                    {
                        var pdfLayout = layout == Layouts.Pdf;
                        pending.Add((entry, source, pdfLayout ? SidewaysPages.Draw(generated.QuirkSeed) : null, pdfLayout && GhostscriptReprint.Draw(generated.QuirkSeed),
                            layout == Layouts.TextPdftotext ? Pdftotext.DrawForm(generated.QuirkSeed) : Pdftotext.Form.Layout));
                    }

                    else prints.Add((entry, PagePrint.Draw(generated, source, Path.ChangeExtension(source, ".pdf"))));
                }
                else
                {
                    if (BoundSaving.Applies(layout)) bytes = BoundSaving.Apply(bytes, generated.QuirkSeed, () => Render(BoundSaving.Other(options.Seed, i, options.InconsistentShare), layout));
                    if (PdfParseSaving.Applies(layout)) bytes = PdfParseSaving.Apply(bytes, generated.QuirkSeed);
                    if (LineSeparatorSaving.Applies(layout)) bytes = LineSeparatorSaving.Apply(bytes, generated.QuirkSeed);
                    if (InvisibleCharacterSaving.Applies(layout)) bytes = InvisibleCharacterSaving.Apply(bytes, layout, generated.QuirkSeed);
                    if (ScriptedPageSaving.Applies(layout)) bytes = ScriptedPageSaving.Apply(bytes, generated.QuirkSeed);
                    if (Utf16Saving.Applies(layout)) bytes = Utf16Saving.Apply(bytes, generated.QuirkSeed);
                    if (WebArchiveSaving.Applies(layout)) bytes = WebArchiveSaving.Apply(bytes, generated.QuirkSeed);
                    await File.WriteAllBytesAsync(Path.Combine(work, entry.File), bytes, ct);
                    progress?.Report(++written);
                }

                entries.Add(entry);
            }

            if (pending.Count > 0)
            {
                await (pdf ?? new SofficePdfConverter()).ConvertAsync(pending.Select(p => p.Docx).ToList(), work, ct);
                foreach (var (entry, docx, turning, reprint, form) in pending)
                {
                    var made = Path.ChangeExtension(docx, ".pdf");
                    if (!File.Exists(made)) throw new IOException($"The PDF converter made no {Path.GetFileName(made)} for report {entry.Index} in {work}.");
                    if (turning is not null) SidewaysPages.Apply(made, turning);
                    if (reprint) await GhostscriptReprint.ApplyAsync(made, ct);
                    if (entry.Layout == Layouts.TextPdftotext) await Pdftotext.ExtractAsync(made, Path.Combine(work, entry.File), ct, form);
                    if (entry.Layout == Layouts.PdfScanOcr) await SearchableScan.ApplyAsync(made, ct);
                }

                written += pending.Count;
                progress?.Report(written);
            }

            if (officeTexts.Count > 0)
            {
                await (officeText ?? new SofficeTextConverter()).ConvertAsync(officeTexts.Select(p => p.Docx).ToList(), work, ct);
                foreach (var (entry, docx) in officeTexts)
                {
                    if (!File.Exists(Path.Combine(work, entry.File))) throw new IOException($"The text converter made no {entry.File} for report {entry.Index} in {work}.");
                    File.Delete(docx);
                }

                written += officeTexts.Count;
                progress?.Report(written);
            }

            if (prints.Count > 0)
            {
                if (printer is not null)
                {
                    await printer.PrintAsync(prints.Select(p => p.Print).ToList(), progress is null ? null : new Done(n => progress.Report(written + n)), ct);
                }
                else
                {
                    // Chromium prints most pages; wkhtmltopdf the quarter drawn for it, WeasyPrint two in five of the rest.
                    var chromium = prints.Select(p => p.Print).Where(p => !p.Wkhtmltopdf && !p.WeasyPrint).ToList();
                    var wkhtmltopdf = prints.Select(p => p.Print).Where(p => p.Wkhtmltopdf).ToList();
                    await new ChromiumPagePrinter().PrintAsync(chromium, progress is null ? null : new Done(n => progress.Report(written + n)), ct);
                    await new WkhtmltopdfPagePrinter().PrintAsync(wkhtmltopdf, progress is null ? null : new Done(n => progress.Report(written + chromium.Count + n)), ct);
                    await new WeasyPrintPagePrinter(new ChromiumPagePrinter()).PrintAsync(prints.Select(p => p.Print).Where(p => p.WeasyPrint).ToList(),
                        progress is null ? null : new Done(n => progress.Report(written + chromium.Count + wkhtmltopdf.Count + n)), ct);
                }
                foreach (var (entry, print) in prints)
                {
                    if (!File.Exists(print.Pdf)) throw new IOException($"The page printer made no {Path.GetFileName(print.Pdf)} for report {entry.Index} in {work}.");
                }

                written += prints.Count;
                progress?.Report(written);
            }

            foreach (var entry in entries)
            {
                File.Move(Path.Combine(work, entry.File), Path.Combine(outDir, entry.File), overwrite: true);
                File.Move(Path.Combine(work, entry.ExpectedFile), Path.Combine(outDir, entry.ExpectedFile), overwrite: true);
            }
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }

        var manifest = new CorpusManifest(outDir, entries);
        await WriteAtomicallyAsync(Path.Combine(outDir, "manifest.json"), JsonSerializer.SerializeToUtf8Bytes(
            entries.Select(e => new { index = e.Index, layout = e.Layout, file = e.File, expected = e.ExpectedFile }),
            Indented), ct);
        return manifest;
    }

    private static void Validate(CorpusOptions options)
    {
        if (options.Count < 0) throw new ArgumentOutOfRangeException(nameof(options), options.Count, "The count of reports cannot be negative.");
        if (options.Layouts.Count == 0) throw new ArgumentException("No layout chosen.", nameof(options));
        if (options.InconsistentShare is < 0 or > 1 || double.IsNaN(options.InconsistentShare))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.InconsistentShare, "The inconsistent share is between 0 and 1.");
        }

        var unknown = options.Layouts.FirstOrDefault(l => !Layouts.All.Contains(l));
        if (unknown is not null) throw new ArgumentException($"Unknown layout '{unknown}'; known: {string.Join(", ", Layouts.All)}.", nameof(options));
    }

    /// <summary>The document bytes of one generated report in one layout (PDF, text-pdftotext and text-libreoffice: the DOCX they are made from; pdf-browser: the page printed).</summary>
    public static byte[] Render(GeneratedReport generated, string layout) => Produce(generated, layout).Bytes;

    /// <summary>The share of the <c>pdf</c> layout's documents from an office that types no zeros: every zero of tables 二, 三 and 四 a blank cell.</summary>
    public const double NoZerosRate = 0.15;

    /// <summary>Whether the report's PDF comes from an office that types no zeros, drawn from the report's own seed (a stream of its own, so its other draws stay as they were).</summary>
    public static bool NoZerosTyped(int quirkSeed) => new Random(unchecked((quirkSeed * 48271) + 89)).NextDouble() < NoZerosRate;

    /// <summary>
    /// The seed a report's rendering in a layout draws from (the report's quirk seed plus the layout's index), which
    /// also seeds the draws kept in streams of their own (<see cref="Rendering.MarkdownRenderer.IsSpanless"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The layout is not one of <see cref="Layouts.All"/>.</exception>
    public static int LayoutSeed(GeneratedReport generated, string layout)
    {
        var index = Layouts.All.ToList().IndexOf(layout);
        if (index < 0) throw new ArgumentException($"Unknown layout '{layout}'.", nameof(layout));
        return unchecked(generated.QuirkSeed + index);
    }

    /// <summary>
    /// Whether some order of table 四's fifteen numbers gives three proceedings whose totals are the sums of their four
    /// outcomes: every choice of three of them as totals, the other twelve dealt into fours against those totals.
    /// </summary>
    public static bool AddsUpInSomeOrder(int[] numbers)
    {
        for (var a = 0; a < numbers.Length; a++)
        {
            for (var b = a + 1; b < numbers.Length; b++)
            {
                for (var c = b + 1; c < numbers.Length; c++)
                {
                    if (numbers[a] + numbers[b] + numbers[c] != (numbers.Sum() / 2.0)) continue;
                    var rest = numbers.Where((_, i) => i != a && i != b && i != c).ToArray();
                    if (Deal(rest, 0, [numbers[a], numbers[b], numbers[c]], new int[3])) return true;
                }
            }
        }

        return false;

        static bool Deal(int[] rest, int i, int[] left, int[] taken)
        {
            if (i == rest.Length) return left.All(l => l == 0);
            for (var g = 0; g < 3; g++)
            {
                if (taken[g] == 4 || rest[i] > left[g]) continue;
                left[g] -= rest[i];
                taken[g]++;
                var dealt = Deal(rest, i + 1, left, taken);
                left[g] += rest[i];
                taken[g]--;
                if (dealt) return true;
            }

            return false;
        }
    }

    /// <summary>
    /// One generated report in one layout: the document bytes (PDF, text-pdftotext and text-libreoffice: the
    /// DOCX they are made from), and what a correct parser reads from it with the findings it must give.
    /// </summary>
    public static Rendition Produce(GeneratedReport generated, string layout)
    {
        var seed = LayoutSeed(generated, layout);
        var quirks = Quirks.Draw(generated, layout);
        if (layout == Layouts.TextStream)
        {
            var made = TextStreamRendition.Make(generated, quirks, seed);
            // Some crawlers read a page as ISO-8859-1 (Python's requests, when Content-Type names no
            // charset) and save what they read as UTF-8: the text decoded twice. A stream of its own,
            // so the text itself is drawn as before.
            var saved = new Random(unchecked(seed * 31 + 7)).NextDouble() < TextStreamRendition.TwiceDecodedRate
                ? System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.Latin1.GetString(made.Bytes))
                : made.Bytes;
            return new Rendition(saved, made.Expected, made.Findings, quirks, made.Printed);
        }

        var parts = Composer.Compose(generated, quirks);
        var rng = new Random(seed);
        if (layout == Layouts.TextPdfPlain)
        {
            // Table 三 in runs of rows states only what the runs' arithmetic decides.
            var (text, three) = OfficePdfTextRenderer.Render(parts, rng, new Random(unchecked((seed * 31) + 23)), new Random(unchecked((seed * 53) + 11)), new Random(unchecked((seed * 59) + 13)));
            // Table 四's numbers come one to a line: a table that does not add up in that order is
            // refused (its order is in doubt), its own breaks included; when no order of its numbers adds up,
            // the report's own error is said instead, its cells still unknown.
            var review = generated.Report.ReviewLitigation;
            var refused = ReviewLitigation.Proceedings.Any(p => review.Get(p) is var c && c.Take(ReviewLitigation.TotalIndex).Sum() != c[ReviewLitigation.TotalIndex]);
            var breaks = three?.Findings.ToList() ?? [];
            if (refused)
            {
                breaks.Add(AddsUpInSomeOrder(review.Flatten().Select(v => v ?? 0).ToArray())
                    ? new Finding("table_scrambled", Severity.Error, "表四的数字各自成行，按印出的次序各项总计不等于前四项之和，表四不予读取", "review")
                    : new Finding("review_total", Severity.Error, "表四的 15 个数无论怎样排列都不能使各项总计等于前四项之和", "review"));
            }
            var stream = three is null && !refused ? null : new Expectation.StreamValues(
                three?.Cells ?? new Dictionary<string, int?[]>(), refused ? new int?[15] : review.Flatten().ToArray(), [], three?.Ambiguous ?? [], breaks);
            var (stated, found) = Expectation.For(generated, quirks, stream);
            return new Rendition(text, stated, found, quirks, generated);
        }

        // Table 三's rows whose padding leaves cells in doubt (markdown: MarkdownRenderer.PaddedInDoubt).
        var unplaced = new Dictionary<string, int[]>();
        var bytes = layout switch
        {
            Layouts.TextTab => TextTabRenderer.Render(parts, rng),
            Layouts.TextCell => TextCellRenderer.Render(parts, rng),
            Layouts.HtmlTrs => HtmlRenderers.Trs(parts, rng, quirks),
            Layouts.HtmlHanwebGbk => HtmlRenderers.HanwebGbk(parts, rng, quirks),
            Layouts.Docx => DocxRenderer.Render(parts, rng, DocxKind.Plain, quirks),
            Layouts.Pdf => DocxRenderer.Render(parts, rng, DocxKind.ForPdf, quirks, noZeros: NoZerosTyped(generated.QuirkSeed)),
            Layouts.PdfScanOcr => DocxRenderer.Render(parts, rng, DocxKind.ForPdf, quirks),
            Layouts.TextPdftotext => DocxRenderer.Render(parts, rng, DocxKind.ForPdftotext, quirks, Pdftotext.DrawBlanks(generated.QuirkSeed)),
            Layouts.PdfUnruled => DocxRenderer.Render(parts, rng, DocxKind.Unruled, quirks),
            // Half of them with the zeros of tables 二 and 三 left blank: empty lines in the text. A stream of its own.
            Layouts.TextLibreOffice => DocxRenderer.Render(parts, rng, DocxKind.ForText, quirks, new Random(unchecked((seed * 37) + 29)).NextDouble() < 0.5),
            // mammoth's text or docx2txt's, drawn apart from the blanks.
            Layouts.TextDocxRaw => DocxRawTextRenderer.Render(
                DocxRenderer.Render(parts, rng, DocxKind.ForText, quirks, new Random(unchecked((seed * 37) + 29)).NextDouble() < 0.5),
                docx2txt: new Random(unchecked((seed * 41) + 3)).Next(2) == 0),
            Layouts.Markdown => MarkdownRenderer.Render(parts, rng, quirks, MarkdownRenderer.IsSpanless(seed), MarkdownRenderer.IsGrid(seed), MarkdownRenderer.SplitColumn(seed), MarkdownRenderer.LabelsApart(seed), unplaced),
            Layouts.TextBoxDraw => BoxDrawRenderer.Render(parts, rng),
            Layouts.TextBrowserPrint => BrowserPrintRenderer.Render(parts, rng),
            Layouts.MarkdownPandoc => PandocMarkdownRenderer.Render(parts, rng),
            Layouts.MarkdownOcr => OcrMarkdownRenderer.Render(parts, rng, quirks),
            Layouts.MarkdownMathpix => MathpixMarkdownRenderer.Render(parts, rng, quirks),
            Layouts.MarkdownHtml2Text => Html2TextRenderer.Render(parts, rng, quirks),
            Layouts.TextPdfplumber => PlumberTextRenderer.Render(parts, rng),
            // Both portal families print; the page is drawn as either would serve it.
            Layouts.PdfBrowser => rng.Next(2) == 0 ? HtmlRenderers.Trs(parts, rng, quirks) : HtmlRenderers.HanwebGbk(parts, rng, quirks),
            _ => DocxRenderer.Render(parts, rng, DocxKind.Edited, quirks),
        };
        var (expected, findings) = Expectation.For(generated, quirks, unplaced: unplaced);
        return new Rendition(bytes, expected, findings, quirks, generated);
    }

    private sealed class Done(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken ct)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temp, bytes, ct);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
