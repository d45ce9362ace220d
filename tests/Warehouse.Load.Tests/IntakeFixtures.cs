using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Warehouse.Corpus;
using Warehouse.Data;

namespace Warehouse.Load.Tests;

/// <summary>What a warehouse holds of its documents, as lines to compare: the reports, their table 三 cells and the raw rows, by content hash.</summary>
public static class LoadedRows
{
    /// <summary>
    /// Every report (agency, region, year, template, date, fingerprint, layout, counts, current),
    /// every cell of table 三, and every raw document's media type and size, keyed by sha256. Not
    /// the origin or source, which differ between the paths that found the same bytes.
    /// </summary>
    public static async Task<List<string>> ReadAsync(WarehouseDatabase database, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var reports = await c.QueryAsync<string>(
            "select sha256 || '|' || agency_code || '|' || coalesce(region_code, '') || '|' || year || '|' || template || '|' || coalesce(published, '') || '|' || content_hash || '|' || layout || '|' || error_count || '|' || warning_count || '|' || derived_count || '|' || is_current from fact_report order by sha256");
        var cells = await c.QueryAsync<string>(
            "select r.sha256 || '|' || f.category_key || '|' || f.applicant_key || '|' || coalesce(f.count, -1) || '|' || f.is_derived from fact_application f join fact_report r on r.report_key = f.report_key order by 1");
        var raw = await c.QueryAsync<string>("select sha256 || '|' || media_type || '|' || size_bytes from raw_document order by sha256");
        return [.. reports, .. cells, .. raw];
    }
}

/// <summary>Pages that only the server's Content-Type says the charset of.</summary>
public static partial class GbkPage
{
    /// <summary>The report as a Hanweb GBK page with its meta charset taken out.</summary>
    public static byte[] WithoutMetaCharset(GeneratedReport report)
    {
        // The markup is ASCII in GBK, so it can be edited as Latin-1 and written back byte for byte.
        var page = Encoding.Latin1.GetString(CorpusWriter.Render(report, Layouts.HtmlHanwebGbk));
        var stripped = MetaCharset().Replace(page, "");
        if (stripped == page) throw new InvalidOperationException("the generated GBK page no longer declares its charset in a meta tag");
        return Encoding.Latin1.GetBytes(stripped);
    }

    [GeneratedRegex("<meta[^>]*charset[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
