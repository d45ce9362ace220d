using Shouldly;
using Warehouse.Corpus;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// PDFs whose pages are printed sideways: a landscape table on a sheet the other way round, drawn a quarter turn
/// round with no <c>/Rotate</c> to set it upright, so that its text runs up the page or down it. The reader turns
/// such a page by the direction of its letters, and the report reads as the upright one does.
/// </summary>
public sealed class SidewaysPdfTests
{
    [Theory]
    [InlineData("hongze-2024", true)]
    [InlineData("hongze-2024", false)]
    [InlineData("huaian-2024", true)]
    [InlineData("hongze-2023", false)]
    [InlineData("pingtan-2024-libreoffice", true)]
    public void A_real_report_printed_sideways_reads_as_the_upright_one(string name, bool up)
    {
        var upright = File.ReadAllBytes(RealReports.File(name));
        // Every page, and every other page: a table cut by a page break goes on across a turned page and an upright one.
        foreach (var turns in new Func<int, bool>[] { _ => true, n => n % 2 == 0 })
        {
            var reading = RealReports.Read(SidewaysPages.Turn(upright, up, turns), name + "-sideways.pdf");
            reading.Parse.Rejection.ShouldBeNull();
            RealReports.WrongCells(RealReports.Expected(name), reading).ShouldBeEmpty();
            var expected = RealReports.Read(upright, name + ".pdf");
            reading.Findings.Select(f => f.Message).ShouldBe(expected.Findings.Select(f => f.Message));
        }
    }

    [Theory]
    [InlineData("pdf-unruled-wrapped-past-page-00032")]
    [InlineData("pdf-page-break-00211")]
    public void A_generated_report_whose_pages_run_up_and_down_reads_as_expected(string name)
    {
        // Tables without rules, whose columns come from the numbers' places, and a ruled table cut by a page break.
        var path = Path.Combine(Fixtures.Dir("Generated"), name + ".pdf");
        var turned = Path.Combine(Directory.CreateTempSubdirectory("sideways-").FullName, name + ".pdf");
        try
        {
            File.WriteAllBytes(turned, SidewaysPages.Turn(SidewaysPages.Turn(File.ReadAllBytes(path), up: true, n => n % 2 == 1), up: false, n => n % 2 == 0));
            File.Copy(Path.ChangeExtension(path, ".expected.json"), Path.ChangeExtension(turned, ".expected.json"));
            RealReports.ShouldReadAsExpected(turned);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(turned)!, recursive: true);
        }
    }
}
