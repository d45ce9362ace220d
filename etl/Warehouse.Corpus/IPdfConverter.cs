namespace Warehouse.Corpus;

/// <summary>Turns DOCX files into PDFs of the same name in <c>outDir</c>.</summary>
public interface IPdfConverter
{
    Task ConvertAsync(IReadOnlyList<string> docxPaths, string outDir, CancellationToken ct);
}
