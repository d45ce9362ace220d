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
            (await Repo.Cli("corpus", "generate", "--count", "8000", "--seed", "99", "--out", corpus, "--layouts", "text-tab,text-cell")).Code.ShouldBe(0);
            Repo.Launcher("--help").Code.ShouldBe(0);

            var reference = Path.Combine(dir.FullName, "reference.db");
            Repo.Launcher("ingest", corpus, "--db", reference).Code.ShouldBe(0);

            // Five kills that land while the ingest runs (a run that finishes first does not count).
            var killed = Path.Combine(dir.FullName, "killed.db");
            var rng = new Random(5);
            var kills = 0;
            for (var attempt = 0; kills < 5 && attempt < 12; attempt++)
            {
                using var p = Repo.Start("ingest", corpus, "--db", killed);
                await Task.Delay(TimeSpan.FromMilliseconds(500 + rng.Next(700)), TestContext.Current.CancellationToken);
                if (!p.HasExited)
                {
                    p.Kill();
                    kills++;
                }

                await p.WaitForExitAsync(TestContext.Current.CancellationToken);
                Warehouses.AssertWhole(killed);
                if (kills == 1 && attempt == 0) Warehouses.Reports(killed).ShouldBeLessThan(Warehouses.Reports(reference));
            }

            kills.ShouldBe(5, "every kill should land while the ingest runs");
            Repo.Launcher("ingest", corpus, "--db", killed).Code.ShouldBe(0);
            Warehouses.AssertWhole(killed);
            Warehouses.Counts(killed).ShouldBe(Warehouses.Counts(reference));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }
}
