using Shouldly;
using Warehouse.Core;
using Warehouse.Corpus;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// PDFs whose tables have no rules (pdf-unruled: Word tables set to "no border", printed by the real
/// LibreOffice, which tests/run installs; without it the writer throws). Their cells are placed by the
/// columns the numbers make. Not every kind of such a table reads yet (a number wrapped in a narrow
/// cell, a blank in a column no other row fills): those are null with an error, never silently wrong,
/// and the share read whole is held where it was measured.
/// </summary>
public sealed class UnruledPdfTests : IDisposable
{
    private const int Count = 120;

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("unruled-pdf-");

    public void Dispose() => _temp.Delete(recursive: true);

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
        // Measured: 47 of 60 whole (seed 808), 97.6% of cells; these 120: 96.7% of cells (0 whole and 34.5% of cells read by gaps alone).
        exact.ShouldBeGreaterThanOrEqualTo(Count * 2 / 3, $"{exact} of {Count} read whole; {right} of {cells} cells");
        ((double)right / cells).ShouldBeGreaterThan(0.95, $"{right} of {cells} cells");
    }
}
