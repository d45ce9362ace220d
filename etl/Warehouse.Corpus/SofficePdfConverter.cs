using Warehouse.Office;

namespace Warehouse.Corpus;

/// <summary>Makes the PDF layout from the DOCX one with headless LibreOffice, in batches.</summary>
public sealed class SofficePdfConverter(int batchSize = 100, TimeSpan? timeoutPerBatch = null) : IPdfConverter
{
    public const string InstallHint = "PDF layout needs LibreOffice: apt-get install libreoffice-writer fonts-noto-cjk";

    public static string? Find() => Soffice.Find();

    public async Task ConvertAsync(IReadOnlyList<string> docxPaths, string outDir, CancellationToken ct)
    {
        if (Find() is null) throw new InvalidOperationException(InstallHint);
        foreach (var batch in docxPaths.Chunk(batchSize))
        {
            await Soffice.ConvertAsync(batch, "pdf:writer_pdf_Export", outDir, timeoutPerBatch ?? TimeSpan.FromMinutes(10), ct);
            var missing = batch.Where(p => !File.Exists(Path.Combine(outDir, Path.GetFileNameWithoutExtension(p) + ".pdf"))).ToList();
            if (missing.Count > 0) throw new InvalidOperationException($"LibreOffice did not convert {missing.Count} file(s), e.g. {missing[0]}");
        }
    }
}
