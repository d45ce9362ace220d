using Shouldly;

namespace Warehouse.Cli.Tests;

/// <summary><c>digest</c> as a user meets it: never a digest of nothing, and one sentence for a mistake.</summary>
public sealed class DigestCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("digest-cli-");

    private static string Dashboards => Path.Combine(Repo.Root, "dashboards");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task A_year_without_reports_writes_no_digest_names_the_years_loaded_and_exits_2()
    {
        var db = Path.Combine(_dir.FullName, "w.db");
        var (loaded, _, ingestError) = await Repo.Cli("ingest", Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds"), "--db", db);
        loaded.ShouldBe(0, ingestError);
        var dir = Path.Combine(_dir.FullName, "out");

        var (code, output, err) = await Repo.Cli("digest", "--to", "leader@example.gov.cn", "--year", "1999", "--dry-run", dir, "--db", db, "--dashboards", Dashboards);
        code.ShouldBe(2, output);
        err.ShouldStartWith("warehouse: 没有 1999 年度的报告，摘要不发送；已载入的年度：");
        err.ShouldContain("no digest is sent; years loaded:");
        File.Exists(Path.Combine(dir, "digest.eml")).ShouldBeFalse();

        // A loaded year writes it.
        (await Repo.Cli("digest", "--to", "leader@example.gov.cn", "--dry-run", dir, "--db", db, "--dashboards", Dashboards)).Code.ShouldBe(0);
        File.Exists(Path.Combine(dir, "digest.eml")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_period_that_is_neither_a_word_nor_a_cron_is_named()
    {
        var (code, _, err) = await Repo.Cli("digest", "--to", "leader@example.gov.cn", "--every", "fortnightly", "--dry-run", _dir.FullName, "--db", Path.Combine(_dir.FullName, "w.db"), "--dashboards", Dashboards);
        code.ShouldBe(2);
        err.ShouldContain("--every fortnightly：既不是 day、week、month、quarter、year，也不是 cron 表达式");
    }
}
