using Shouldly;
using Warehouse.Core;
using Warehouse.Corpus;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// PDFs whose tables have no rules (pdf-unruled: Word tables set to "no border", printed by the real
/// LibreOffice, which tests/run installs; without it the writer throws). Their cells are placed by the
/// columns the numbers make, or that their heading names. Not every kind of such a table reads yet (a
/// number wrapped in a narrow cell with no thousands separator to say it is cut): those are null with an
/// error, never silently wrong, and the share read whole is held where it was measured.
/// </summary>
public sealed class UnruledPdfTests : IDisposable
{
    private const int Count = 120;

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("unruled-pdf-");

    public void Dispose() => _temp.Delete(recursive: true);

    /// <summary>
    /// Reports of kinds that the build before read null with an error (Fixtures/Generated/README.md): a blank first
    /// column under a heading set to its cells' left (a part of table 二 whose cells span two columns), a blank row
    /// after a table's last number, table 四 with its first cell blank, a table run on into the next one's heading
    /// where the section heading between was left out, and numbers wrapped in their narrow cells at a thousands
    /// separator ("3,33" over "8", and on the same two lines "446" over "6").
    /// </summary>
    [Theory]
    [InlineData("pdf-unruled-blank-first-column-00000")]
    [InlineData("pdf-unruled-blank-last-row-00021")]
    [InlineData("pdf-unruled-table-four-blank-first-00039")]
    [InlineData("pdf-unruled-heading-left-out-00027")]
    [InlineData("pdf-unruled-wrapped-numbers-00054")]
    public void A_table_without_rules_reads_every_cell_its_heading_or_its_wrapping_places(string name) =>
        RealReports.ShouldReadAsExpected(Path.Combine(Fixtures.Dir("Generated"), name + ".pdf"));

    [Fact]
    public async Task Tables_without_rules_read_by_their_columns_and_a_cell_that_cannot_be_placed_is_never_silently_wrong()
    {
        SofficePdfConverter.Find().ShouldNotBeNull(SofficePdfConverter.InstallHint);
        var manifest = await new CorpusWriter(new SofficePdfConverter()).WriteAsync(_temp.FullName, new CorpusOptions(Count, 61, [Layouts.PdfUnruled]), null, TestContext.Current.CancellationToken);
        var exact = 0;
        var cells = 0;
        var right = 0;
        var silent = new List<string>();
        foreach (var reading in manifest.Entries.Select(e => CorpusReading.Read(_temp.FullName, e)))
        {
            reading.Actual.ShouldNotBeNull(reading.Parse.Rejection);
            var wrong = reading.WrongValues().ToList();
            // The cells the report states: each differs from an empty reading.
            var stated = Cells.Differences(reading.Expected, new System.Text.Json.Nodes.JsonObject()).Count;
            cells += stated;
            right += stated - wrong.Count;
            if (wrong.Count == 0 && !reading.UnexpectedErrors().Any() && !reading.MissedInjections().Any()) exact++;
            // A cell read otherwise than printed is null, and the report says so with an error.
            if (wrong.Count > 0 && (!reading.Findings.Any(f => f.Severity == Severity.Error) || wrong.Any(w => !w.Contains(" = null (", StringComparison.Ordinal))))
            {
                silent.Add($"{reading.Entry.File}: {string.Join("; ", wrong.Take(4))}");
            }
        }

        silent.ShouldBeEmpty($"{silent.Count} of {Count} pdf-unruled reports silently wrong:\n{string.Join("\n", silent.Take(10))}");
        // Measured on these 120: 113 whole, 99.4% of cells (the build before the heading-placed columns and the joined
        // wrapped numbers: 96.7% of cells, 34.5% read by gaps alone).
        exact.ShouldBeGreaterThanOrEqualTo(110, $"{exact} of {Count} read whole; {right} of {cells} cells");
        ((double)right / cells).ShouldBeGreaterThan(0.99, $"{right} of {cells} cells");
    }
}
