using Warehouse.Office;

namespace Warehouse.Corpus;

/// <summary>
/// Saves DOCX files as text with headless LibreOffice, in batches (<c>soffice --convert-to "txt:Text (encoded):UTF8"</c>,
/// Writer's "Save as Text"): each table cell a line, a blank cell an empty line. Implements <see cref="IPdfConverter"/>
/// for its batch shape: the files it makes are <c>.txt</c>, named as their DOCX.
/// </summary>
public sealed class SofficeTextConverter(int batchSize = 100, TimeSpan? timeoutPerBatch = null) : IPdfConverter
{
    public const string InstallHint = "The text-libreoffice layout needs LibreOffice: apt-get install libreoffice-writer";

    public async Task ConvertAsync(IReadOnlyList<string> docxPaths, string outDir, CancellationToken ct)
    {
        if (Soffice.Find() is null) throw new InvalidOperationException(InstallHint);
        foreach (var batch in docxPaths.Chunk(batchSize))
        {
            await Soffice.ConvertAsync(batch, "txt:Text (encoded):UTF8", outDir, timeoutPerBatch ?? TimeSpan.FromMinutes(10), ct);
            var missing = batch.Where(p => !File.Exists(Path.Combine(outDir, Path.GetFileNameWithoutExtension(p) + ".txt"))).ToList();
            if (missing.Count > 0) throw new InvalidOperationException($"LibreOffice did not save {missing.Count} file(s) as text, e.g. {missing[0]}");
        }
    }
}
