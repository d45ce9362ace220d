using System.Diagnostics;
using System.Text.Json.Nodes;
using Shouldly;
using Warehouse.Corpus;

namespace Warehouse.Cli.Tests;

/// <summary>Legacy Word attachments (.doc) and OpenDocument texts (.odt) are converted with headless LibreOffice and read like DOCX.</summary>
public sealed class LegacyDocumentTests
{
    [Theory]
    [InlineData("doc")]
    [InlineData("odt")]
    public async Task Legacy_doc_and_odt_are_converted_and_parsed(string format)
    {
        var soffice = SofficePdfConverter.Find();
        soffice.ShouldNotBeNull(SofficePdfConverter.InstallHint + " (tests/run installs it)");
        var dir = Directory.CreateTempSubdirectory("legacy-doc-");
        try
        {
            var generated = ReportFactory.Create(5, 1, 0);
            var docx = Path.Combine(dir.FullName, "report.docx");
            await File.WriteAllBytesAsync(docx, CorpusWriter.Render(generated, Layouts.Pdf), TestContext.Current.CancellationToken);
            var start = new ProcessStartInfo(soffice) { ArgumentList = { $"-env:UserInstallation={new Uri(Path.Combine(dir.FullName, "profile")).AbsoluteUri}", "--headless", "--convert-to", format, "--outdir", dir.FullName, docx }, RedirectStandardOutput = true, RedirectStandardError = true };
            using (var p = Process.Start(start)!) await p.WaitForExitAsync(TestContext.Current.CancellationToken);
            var doc = Path.Combine(dir.FullName, "report." + format);
            File.Exists(doc).ShouldBeTrue();
            File.Delete(docx);

            var (code, output, error) = await Repo.Cli("parse", doc, "--json");
            code.ShouldBe(0, error);
            var json = JsonNode.Parse(output)!;
            json["agency"]!.GetValue<string>().ShouldBe(generated.Report.Agency);
            json["applications"]!["new_received"]!.AsArray().Select(v => v!.GetValue<int>())
                .ShouldBe(generated.Report.Applications.Row("new_received")!.Select(v => v!.Value));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
