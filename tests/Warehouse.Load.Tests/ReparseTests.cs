using Dapper;
using Shouldly;

namespace Warehouse.Load.Tests;

public sealed class ReparseTests
{
    private static string Seeds => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reparse_of_an_unchanged_parser_changes_nothing()
    {
        using var w = new TempWarehouse();
        await w.Ingest().IngestAsync(IngestService.Expand([Seeds]), new IngestOptions(), null, Ct);
        var summary = await new ReparseService(w.Database, DocumentReader.Default, TimeProvider.System).ReparseAsync(null, null, Ct);
        summary.Checked.ShouldBe(5);
        summary.Unchanged.ShouldBe(5);
        summary.Changed.ShouldBeEmpty();
    }

    [Fact]
    public async Task Reparse_puts_back_what_an_older_parser_got_wrong_and_says_what_changed()
    {
        using var w = new TempWarehouse();
        await w.Ingest().IngestAsync(IngestService.Expand([Seeds]), new IngestOptions(), null, Ct);
        await using (var c = await w.OpenAsync())
        {
            // What an older parser might have left: a wrong cell and another fingerprint.
            await c.ExecuteAsync("""
                update fact_application set count = 9
                where report_key = (select report_key from fact_report where agency_code = '赣县区商务局') and category_key = 3 and applicant_key = 1;
                update fact_report set content_hash = 'from-an-older-parser' where agency_code = '赣县区商务局';
                """);
        }

        var summary = await new ReparseService(w.Database, DocumentReader.Default, TimeProvider.System).ReparseAsync(null, null, Ct);
        summary.Changed.ShouldHaveSingleItem().ShouldContain("赣县区商务局 2023: 1 cell(s) of table 三 changed");
        summary.Unchanged.ShouldBe(4);
        await using var c2 = await w.OpenAsync();
        (await c2.ExecuteScalarAsync<long>("select sum(count) from fact_application")).ShouldBe(0);
        (await w.CountAsync("fact_application")).ShouldBe(5 * 25 * 7);
    }

    [Fact]
    public async Task Reparse_loads_a_document_an_older_parser_rejected()
    {
        using var w = new TempWarehouse();
        var seed = Directory.GetFiles(Seeds, "002*.txt")[0];
        await w.Ingest().IngestAsync([seed], new IngestOptions(), null, Ct);
        await using (var c = await w.OpenAsync())
        {
            var sha = await c.ExecuteScalarAsync<string>("select sha256 from fact_report");
            await c.ExecuteAsync("delete from fact_application; delete from fact_active_disclosure; delete from fact_review_litigation; delete from report_finding; delete from fact_report;");
            await c.ExecuteAsync("insert into ingest_rejection (sha256, origin, reason, parser_version, rejected_at, batch_key) values (@sha, 'x', 'an older parser could not read it', 'old', '2024-01-01', 1)", new { sha });
        }

        var summary = await new ReparseService(w.Database, DocumentReader.Default, TimeProvider.System).ReparseAsync(null, null, Ct);
        summary.NewlyLoaded.ShouldBe(1);
        (await w.CountAsync("fact_report")).ShouldBe(1);
        (await w.CountAsync("ingest_rejection")).ShouldBe(0);
    }

    [Fact]
    public async Task Reparse_since_a_date_checks_only_the_documents_seen_since()
    {
        using var w = new TempWarehouse();
        await w.Ingest().IngestAsync(IngestService.Expand([Seeds]), new IngestOptions(), null, Ct);
        var later = await new ReparseService(w.Database, DocumentReader.Default, TimeProvider.System).ReparseAsync(TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(1), null, Ct);
        later.Checked.ShouldBe(0);
    }
}
