using Shouldly;
using Warehouse.Corpus;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// The layouts of tools that turn a portal page or a PDF into text (a text browser's dump, a
/// browser's print read without layout, pandoc's markdown, pdftotext without -layout of a WPS or
/// Word PDF), generated at scale without LibreOffice and read back cell for cell.
/// </summary>
public sealed class PortalTextLayoutTests : IDisposable
{
    private const int PerLayout = 120;

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("portal-text-layouts-");

    public void Dispose() => _temp.Delete(recursive: true);

    public static TheoryData<string> PortalTextLayouts() => new([Layouts.TextBoxDraw, Layouts.TextBrowserPrint, Layouts.MarkdownPandoc, Layouts.TextPdfPlain]);

    [Theory]
    [MemberData(nameof(PortalTextLayouts))]
    public async Task Every_cell_and_the_title_read_back_equal_and_only_the_injected_inconsistencies_are_errors(string layout)
    {
        var manifest = await new CorpusWriter().WriteAsync(_temp.FullName, new CorpusOptions(PerLayout, 53, [layout]), null, TestContext.Current.CancellationToken);
        var problems = CorpusReading.ProblemsIn(_temp.FullName, manifest);

        manifest.Entries.Count.ShouldBe(PerLayout);
        problems.ShouldBeEmpty($"{problems.Count} problems in {PerLayout} {layout} reports, first: {string.Join("\n", problems.Take(15))}");
    }
}
