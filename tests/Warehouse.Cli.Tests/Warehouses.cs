using Dapper;
using Microsoft.Data.Sqlite;
using Shouldly;

namespace Warehouse.Cli.Tests;

/// <summary>Checks on a SQLite warehouse file from the outside, as an operator would make them.</summary>
internal static class Warehouses
{
    // The database is sound, and every report in it is whole: all its cells, none missing.
    public static void AssertWhole(string db)
    {
        if (!File.Exists(db)) return;
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        c.ExecuteScalar<string>("pragma integrity_check").ShouldBe("ok");
        if (c.ExecuteScalar<long>("select count(*) from sqlite_master where name = 'fact_report'") == 0) return;
        var partial = c.Query<long>("""
            select r.report_key from fact_report r
            where (select count(*) from fact_application a where a.report_key = r.report_key) not in (23 * 7, 25 * 7)
               or (select count(*) from fact_review_litigation v where v.report_key = r.report_key) <> 15
            """).ToList();
        partial.ShouldBeEmpty();
        c.Query("pragma foreign_key_check").ShouldBeEmpty();

        // Every document a report cites is in the raw store (its bytes are committed first).
        var raw = Path.Combine(Path.ChangeExtension(db, null) + ".raw", "documents.db");
        if (!File.Exists(raw))
        {
            c.ExecuteScalar<long>("select count(*) from fact_report").ShouldBe(0);
            return;
        }

        c.Execute($"attach database '{raw}' as raw");
        if (c.ExecuteScalar<long>("select count(*) from raw.sqlite_master where name = 'document'") == 0)
        {
            // Killed between creating the raw store's file and its table: nothing can cite it yet.
            c.ExecuteScalar<long>("select count(*) from fact_report").ShouldBe(0);
            return;
        }

        c.ExecuteScalar<long>("select count(*) from fact_report r where not exists (select 1 from raw.document d where d.sha256 = r.sha256)").ShouldBe(0);
    }

    public static long Reports(string db)
    {
        if (!File.Exists(db)) return 0;
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        return c.ExecuteScalar<long>("select count(*) from sqlite_master where name = 'fact_report'") == 0 ? 0 : c.ExecuteScalar<long>("select count(*) from fact_report");
    }

    public static string Counts(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        var tables = new[] { "fact_report", "fact_application", "fact_active_disclosure", "fact_review_litigation", "report_finding", "raw_document", "dim_agency" };
        return string.Join(", ", tables.Select(t => $"{t} {c.ExecuteScalar<long>($"select count(*) from {t}")}"))
            + $", current {c.ExecuteScalar<long>("select count(*) from fact_report where is_current = 1")}";
    }
}
