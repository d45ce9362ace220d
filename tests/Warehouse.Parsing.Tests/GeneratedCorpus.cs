using Warehouse.Corpus;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// A generated corpus in every layout, written once and reused by later runs while the
/// generator is unchanged (its assembly version id is part of the folder name).
/// </summary>
public sealed class GeneratedCorpus : IAsyncLifetime
{
    public const int Count = 1300;

    /// <summary>
    /// The layouts of this corpus, 100 reports each: every layout the generator writes but
    /// text-pdf-plain, which PortalTextLayoutTests reads back (120 reports), and pdf-browser, which
    /// PortalTextLayoutTests reads back too (40 reports, Chromium's prints), and pdf-unruled, which
    /// UnruledPdfTests reads back (120 reports), and markdown-ocr, markdown-html2text, text-libreoffice, text-pdfplumber and markdown-mathpix, which
    /// PortalTextLayoutTests reads back (120 reports each), and pdf-scan-ocr, which SearchableScanTests reads back (40). Reports go to layouts
    /// in turn, so a layout added here would give every layout other reports: this corpus keeps its
    /// reports, and a layout added later is read at scale in a test of its own.
    /// </summary>
    public static IReadOnlyList<string> Layouts { get; } = Corpus.Layouts.All.Where(l => l is not (Corpus.Layouts.TextPdfPlain or Corpus.Layouts.PdfBrowser or Corpus.Layouts.PdfUnruled or Corpus.Layouts.MarkdownOcr or Corpus.Layouts.MarkdownHtml2Text or Corpus.Layouts.TextLibreOffice or Corpus.Layouts.TextPdfplumber or Corpus.Layouts.MarkdownMathpix or Corpus.Layouts.PdfScanOcr or Corpus.Layouts.TextDocxRaw)).ToList();
    public const int Seed = 20240131;

    public string Directory { get; private set; } = "";

    public CorpusManifest Manifest { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var generator = typeof(CorpusWriter).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
        // The layouts are part of the name too: reports go to layouts in turn, so another list is another corpus.
        var layouts = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join(",", Layouts))))[..8].ToLowerInvariant();
        Directory = Path.Combine(Path.GetTempPath(), "warehouse-test-corpus", $"{Seed}-{Count}-{layouts}-{generator}");
        var manifest = Path.Combine(Directory, "manifest.json");
        if (SofficePdfConverter.Find() is null)
        {
            throw new InvalidOperationException(SofficePdfConverter.InstallHint + " (tests/run installs it)");
        }

        if (!File.Exists(manifest))
        {
            var temp = Directory + ".partial-" + Environment.ProcessId;
            if (System.IO.Directory.Exists(temp)) System.IO.Directory.Delete(temp, true);
            await new CorpusWriter(new SofficePdfConverter()).WriteAsync(temp, new CorpusOptions(Count, Seed, Layouts), null, CancellationToken.None);
            if (!File.Exists(manifest)) System.IO.Directory.Move(temp, Directory);
        }

        var entries = Enumerable.Range(0, Count)
            .Select(i => (Index: i, Layout: Layouts[i % Layouts.Count]))
            .Select(x => new CorpusEntry(x.Index, x.Layout, $"{x.Index:D5}.{Corpus.Layouts.Extension(x.Layout)}", $"{x.Index:D5}.expected.json"))
            .ToList();
        Manifest = new CorpusManifest(Directory, entries);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
