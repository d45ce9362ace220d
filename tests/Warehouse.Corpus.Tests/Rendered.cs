using System.Text;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;

namespace Warehouse.Corpus.Tests;

/// <summary>Generated reports rendered once per test run, and the plain text of each rendering.</summary>
internal static class Rendered
{
    public const int Seed = 31;

    public const int PerLayout = 40;

    public static IEnumerable<(GeneratedReport Generated, byte[] Bytes)> In(string layout) =>
        Enumerable.Range(0, PerLayout).Select(i =>
        {
            var g = ReportFactory.Create(Seed, i, 0.15);
            return (g, CorpusWriter.Render(g, layout));
        });

    /// <summary>The text a reader sees, lines joined (a page break may fall inside a sentence).</summary>
    public static string PlainText(string layout, byte[] bytes)
    {
        var text = layout switch
        {
            Layouts.TextTab or Layouts.TextCell => Encoding.UTF8.GetString(bytes),
            Layouts.HtmlTrs => new HtmlParser().ParseDocument(Encoding.UTF8.GetString(bytes)).Body!.TextContent,
            Layouts.HtmlHanwebGbk => new HtmlParser().ParseDocument(Tables.Gbk.GetString(bytes)).Body!.TextContent,
            _ => DocxText(bytes),
        };
        return text.Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);
    }

    private static string DocxText(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        return doc.MainDocumentPart!.Document.Body!.InnerText;
    }
}
