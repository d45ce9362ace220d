using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Shouldly;

namespace Warehouse.Cli.Tests;

/// <summary>An ingest killed with SIGKILL at random moments, then run again, ends as if never interrupted.</summary>
public sealed class KillTests
{
    [Fact]
    public async Task Ingest_killed_five_times_then_resumed_equals_an_uninterrupted_ingest()
    {
        var dir = Directory.CreateTempSubdirectory("kill-");
        try
        {
            var corpus = Path.Combine(dir.FullName, "corpus");
            (await Repo.Cli("corpus", "generate", "--count", "1500", "--seed", "99", "--out", corpus, "--layouts", "text-tab,text-cell")).Code.ShouldBe(0);
            Repo.Launcher("--help").Code.ShouldBe(0);

            var reference = Path.Combine(dir.FullName, "reference.db");
            Repo.Launcher("ingest", corpus, "--db", reference).Code.ShouldBe(0);

            var killed = Path.Combine(dir.FullName, "killed.db");
            var rng = new Random(5);
            for (var kill = 0; kill < 5; kill++)
            {
                using var p = Start("ingest", corpus, "--db", killed);
                await Task.Delay(TimeSpan.FromMilliseconds(700 + rng.Next(1200)), TestContext.Current.CancellationToken);
                var interrupted = !p.HasExited;
                if (interrupted) p.Kill();
                await p.WaitForExitAsync(TestContext.Current.CancellationToken);
                AssertWhole(killed);
                if (kill == 0)
                {
                    interrupted.ShouldBeTrue("the first kill should land while the ingest runs");
                    Reports(killed).ShouldBeLessThan(Reports(reference));
                }
            }

            Repo.Launcher("ingest", corpus, "--db", killed).Code.ShouldBe(0);
            AssertWhole(killed);
            Counts(killed).ShouldBe(Counts(reference));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    private static Process Start(params string[] args)
    {
        // The launcher execs dotnet, so this process is the CLI itself and Kill() is SIGKILL to it.
        var start = new ProcessStartInfo(Path.Combine(Repo.Root, "warehouse")) { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        var p = Process.Start(start)!;
        _ = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        return p;
    }

    // The database is sound, and every report in it is whole: all its cells, none missing.
    private static void AssertWhole(string db)
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
    }

    private static long Reports(string db)
    {
        if (!File.Exists(db)) return 0;
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        return c.ExecuteScalar<long>("select count(*) from sqlite_master where name = 'fact_report'") == 0 ? 0 : c.ExecuteScalar<long>("select count(*) from fact_report");
    }

    private static string Counts(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        var tables = new[] { "fact_report", "fact_application", "fact_active_disclosure", "fact_review_litigation", "report_finding", "raw_document", "dim_agency" };
        return string.Join(", ", tables.Select(t => $"{t} {c.ExecuteScalar<long>($"select count(*) from {t}")}"))
            + $", current {c.ExecuteScalar<long>("select count(*) from fact_report where is_current = 1")}";
    }
}
