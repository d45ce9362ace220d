using Microsoft.Data.Sqlite;
using Shouldly;
using Warehouse.SamplePortal;

namespace Warehouse.Cli.Tests;

/// <summary>A crawl killed with SIGKILL at random moments, then run again, ends as if never interrupted.</summary>
public sealed class CrawlKillTests
{
    /// <summary>Fetches a crawl has in flight at once: per source, times the sources.</summary>
    private const int InFlightPerSource = 4;

    [Fact]
    public async Task A_crawl_killed_five_times_then_resumed_equals_an_uninterrupted_crawl()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = Directory.CreateTempSubdirectory("crawl-kill-");
        try
        {
            var corpus = Path.Combine(dir.FullName, "corpus");
            (await Repo.Cli("corpus", "generate", "--count", "300", "--seed", "23", "--out", corpus, "--layouts", "html-trs,html-hanweb-gbk,docx")).Code.ShouldBe(0);
            await using var portal = await SamplePortal.SamplePortal.StartAsync(new SamplePortalOptions(corpus, Sites: 2), ct);
            var sources = Directory.CreateDirectory(Path.Combine(dir.FullName, "sources")).FullName;
            foreach (var site in portal.Sites)
            {
                await File.WriteAllTextAsync(Path.Combine(sources, $"site{site.Index}.yaml"), site.SourceYaml(TimeSpan.FromMilliseconds(10)), ct);
            }

            Repo.Launcher("--help").Code.ShouldBe(0);
            var reference = Path.Combine(dir.FullName, "reference.db");
            Repo.Launcher("crawl", "--sources", sources, "--db", reference).Code.ShouldBe(0);
            var start = portal.Log.Count;

            var killed = Path.Combine(dir.FullName, "killed.db");
            var rng = new Random(11);
            var kills = 0;
            for (var attempt = 0; kills < 5 && attempt < 12; attempt++)
            {
                using var p = Repo.Start("crawl", "--sources", sources, "--db", killed);
                await Task.Delay(TimeSpan.FromMilliseconds(900 + rng.Next(900)), ct);
                if (!p.HasExited)
                {
                    p.Kill();
                    kills++;
                }

                await p.WaitForExitAsync(ct);
                Warehouses.AssertWhole(killed);
            }

            kills.ShouldBe(5, "every kill should land while the crawl runs");
            Repo.Launcher("crawl", "--sources", sources, "--db", killed).Code.ShouldBe(0);
            Warehouses.AssertWhole(killed);
            Warehouses.Counts(killed).ShouldBe(Warehouses.Counts(reference));

            // A URL is fetched again only when a kill caught it in flight; a completed one never is.
            var again = portal.Log.Entries.Skip(start)
                .Where(e => e.PathAndQuery != "/robots.txt")
                .GroupBy(e => (e.Port, e.PathAndQuery))
                .Count(g => g.Count(e => e.Status is >= 200 and < 300) > 1);
            again.ShouldBeLessThanOrEqualTo(kills * InFlightPerSource * portal.Sites.Count);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }
}
