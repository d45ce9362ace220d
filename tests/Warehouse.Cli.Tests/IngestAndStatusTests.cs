using System.Text.Json.Nodes;
using Shouldly;

namespace Warehouse.Cli.Tests;

public sealed class IngestAndStatusTests
{
    [Fact]
    public async Task Ingest_then_status_shows_what_was_loaded_and_what_does_not_add_up()
    {
        var dir = Directory.CreateTempSubdirectory("cli-ingest-");
        try
        {
            var db = Path.Combine(dir.FullName, "w.db");
            var corpus = Path.Combine(dir.FullName, "corpus");
            (await Repo.Cli("corpus", "generate", "--count", "30", "--seed", "4", "--out", corpus, "--layouts", "text-tab,html-trs,docx")).Code.ShouldBe(0);
            File.WriteAllText(Path.Combine(corpus, "notes.txt"), "这不是年度报告。");

            var (code, output, error) = await Repo.Cli("ingest", corpus, "--db", db);
            code.ShouldBe(0, error);
            output.ShouldContain("已载入 loaded       30");
            output.ShouldContain("拒收 rejected     1");
            output.ShouldContain("not a government information disclosure annual report");

            var again = await Repo.Cli("ingest", corpus, "--db", db);
            again.Out.ShouldContain("unchanged    31");

            var (statusCode, status, statusError) = await Repo.Cli("status", "--db", db, "--json");
            statusCode.ShouldBe(0, statusError);
            var json = JsonNode.Parse(status)!;
            json["counts"]!["rejected"]!.GetValue<long>().ShouldBe(1);
            json["counts"]!["documents"]!.GetValue<long>().ShouldBe(31);

            var table = await Repo.Cli("status", "--db", db, "--year", "2023");
            table.Code.ShouldBe(0);
            table.Out.ShouldContain("reports");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Ingest_of_a_missing_path_names_it()
    {
        var (code, _, error) = await Repo.Cli("ingest", "/nonexistent/folder", "--db", Path.Combine(Path.GetTempPath(), $"x-{Guid.NewGuid():N}.db"));
        code.ShouldBe(2);
        error.Trim().ShouldBe("warehouse: /nonexistent/folder：没有这个文件或文件夹。/nonexistent/folder: no such file or folder");
    }

    [Fact]
    public async Task Status_with_an_unknown_region_says_so()
    {
        var (code, _, error) = await Repo.Cli("status", "--db", Path.Combine(Path.GetTempPath(), $"x-{Guid.NewGuid():N}.db"), "--region", "999999");
        code.ShouldBe(2);
        error.ShouldContain("not a region code");
    }
}

public sealed class ReparseCommandTests
{
    [Fact]
    public async Task Reparse_needs_all_or_since()
    {
        var (code, _, error) = await Repo.Cli("reparse", "--db", Path.Combine(Path.GetTempPath(), $"x-{Guid.NewGuid():N}.db"));
        code.ShouldBe(2);
        error.ShouldContain("--all or --since");
    }

    [Fact]
    public async Task Reparse_all_reports_what_it_checked()
    {
        var dir = Directory.CreateTempSubdirectory("cli-reparse-");
        try
        {
            var db = Path.Combine(dir.FullName, "w.db");
            (await Repo.Cli("ingest", Path.GetDirectoryName(Repo.SeedText("000"))!, "--db", db)).Code.ShouldBe(0);
            var (code, output, error) = await Repo.Cli("reparse", "--all", "--db", db);
            code.ShouldBe(0, error);
            output.ShouldContain("Checked 5 documents");
            output.ShouldContain("5 unchanged, 0 changed");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
