using Dapper;
using Shouldly;
using Warehouse.Corpus;
using Warehouse.Data;
using Warehouse.Parsing;

namespace Warehouse.Load.Tests;

/// <summary>The one intake that ingest, reparse and crawl share: a document is sniffed once, and what its origin says reaches the parser.</summary>
public sealed class IntakeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string> GeneratedFiles(TempWarehouse w, int count, int seed = 43) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var layout = Layouts.WithoutPdf[i % Layouts.WithoutPdf.Count];
            return w.Write($"{i:D4}.{Layouts.Extension(layout)}", CorpusWriter.Render(ReportFactory.Create(seed, i, 0.15), layout));
        }).ToList();

    [Fact]
    public async Task Ingest_and_reparse_sniff_each_document_once()
    {
        using var w = new TempWarehouse();
        var files = GeneratedFiles(w, 10);
        using var measured = Measured.Start();

        var summary = await w.Ingest().IngestAsync(files, new IngestOptions(), null, Ct);
        (summary.Loaded + summary.Superseding + summary.History).ShouldBe(10);
        measured.Sniffs.ShouldBe(10, "ingest: one sniff a document (there were three: media type, legacy check, parser)");
        measured.IntakeDocuments.Count.ShouldBe(10);

        measured.Reset();
        await w.Ingest().IngestAsync(files, new IngestOptions(), null, Ct);
        measured.Sniffs.ShouldBe(10, "a document known by its hash is sniffed for its row, not read");
        measured.IntakeDocuments.ShouldBeEmpty();

        measured.Reset();
        var reparse = await new ReparseService(w.Database, DocumentReader.Default, TimeProvider.System).ReparseAsync(null, null, Ct);
        reparse.Unchanged.ShouldBe(10);
        measured.Sniffs.ShouldBe(10, "reparse: one sniff a document (there were three)");
        measured.IntakeDocuments.Count.ShouldBe(10);
    }

    [Fact]
    public async Task Ingest_and_reparse_read_the_same_bytes_to_the_same_rows()
    {
        using var w = new TempWarehouse();
        var files = GeneratedFiles(w, 10);
        await w.Ingest().IngestAsync(files, new IngestOptions(), null, Ct);
        var before = await LoadedRows.ReadAsync(w.Database, Ct);

        // Reparse through the intake reads every document to the same fingerprint, so changes nothing.
        await using (var c = await w.OpenAsync()) await c.ExecuteAsync("update fact_report set content_hash = 'older'");
        var summary = await new ReparseService(w.Database, DocumentReader.Default, TimeProvider.System).ReparseAsync(null, null, Ct);
        summary.Changed.Count.ShouldBe(10);
        (await LoadedRows.ReadAsync(w.Database, Ct)).ShouldBe(before);
    }

    [Fact]
    public void The_origin_gives_the_parser_its_name_content_type_charset_and_region()
    {
        var origin = new DocumentOrigin("http://127.0.0.1/art/1.html", "text/html", "gbk", SourceKey: 3, RegionHint: "360702", Title: "2023年政府信息公开工作年度报告", Published: new DateOnly(2024, 1, 20));

        var options = origin.ParseOptions(1024);

        options.ShouldBe(new ParseOptions("http://127.0.0.1/art/1.html", "text/html", "360702", 1024, Charset: "gbk", PortalTitle: "2023年政府信息公开工作年度报告"));
        options.DeclaredCharset.ShouldBe("gbk");
        new ParseOptions("page.html", "text/html; charset=gb2312").DeclaredCharset.ShouldBe("gb2312", "a Content-Type with its parameters still names its charset");
    }

    [Fact]
    public async Task The_intake_hashes_sniffs_once_and_reads_with_what_the_origin_declares()
    {
        var generated = ReportFactory.Create(43, 3, 0);
        var page = GbkPage.WithoutMetaCharset(generated);
        using var measured = Measured.Start();

        var read = await DocumentIntake.Default.ReadAsync(page, new DocumentOrigin("http://127.0.0.1/art/3.html", "text/html", "gbk", SourceKey: 7, RegionHint: "360702"), Ct);

        measured.Sniffs.ShouldBe(1);
        read.Kind.ShouldBe(DocumentKind.Html);
        read.Document.ShouldBe(new DocumentInfo(RawStore.Hash(page), "http://127.0.0.1/art/3.html", "text/html", page.Length, 7, "360702"));
        read.Reading.Report.ShouldNotBeNull().Agency.ShouldBe(generated.Report.Agency);
        var counted = measured.IntakeDocuments.ShouldHaveSingleItem();
        counted["charset"].ShouldBe("gbk");
        counted["content_type"].ShouldBe("text/html");
        counted["kind"].ShouldBe("Html");
    }

    [Fact]
    public async Task A_document_the_caller_sniffed_is_not_sniffed_again_and_one_known_by_its_hash_is_not_read()
    {
        var bytes = CorpusWriter.Render(ReportFactory.Create(43, 4, 0), Layouts.Docx);
        using var measured = Measured.Start();

        var read = await DocumentIntake.Default.ReadAsync(bytes, new DocumentOrigin("4.docx"), Ct, DocumentKind.Docx);
        read.Reading.Report.ShouldNotBeNull();
        measured.Sniffs.ShouldBe(0);

        var known = await DocumentIntake.Default.ReadAsync(bytes, new DocumentOrigin("again.docx"), Ct, known: new HashSet<string> { RawStore.Hash(bytes) });
        known.Reading.Rejection.ShouldBe("known");
        known.Document.MediaType.ShouldBe(DocumentIntake.MediaType(DocumentKind.Docx));
        measured.Sniffs.ShouldBe(1);
        measured.IntakeDocuments.Count.ShouldBe(1);
    }
}
