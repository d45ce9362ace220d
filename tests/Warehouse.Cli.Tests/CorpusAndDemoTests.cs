using System.Text.Json.Nodes;
using Shouldly;

namespace Warehouse.Cli.Tests;

public sealed class CorpusAndDemoTests
{
    [Fact]
    public async Task Corpus_generate_writes_each_report_beside_its_expected_json()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"corpus-{Guid.NewGuid():N}");
        try
        {
            var (code, output, error) = await Repo.Cli("corpus", "generate", "--count", "10", "--seed", "3", "--out", dir, "--layouts", "text-tab,html-hanweb-gbk");
            code.ShouldBe(0, error);
            output.ShouldContain("Wrote 10 reports");
            Directory.GetFiles(dir, "*.expected.json").Length.ShouldBe(10);
            Directory.GetFiles(dir, "*.txt").Length.ShouldBe(5);
            Directory.GetFiles(dir, "*.html").Length.ShouldBe(5);
            Directory.GetFiles(dir, "*.tmp").ShouldBeEmpty();
            JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!.AsArray().Count.ShouldBe(10);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task Corpus_generate_with_an_unknown_layout_names_the_known_ones()
    {
        var (code, _, error) = await Repo.Cli("corpus", "generate", "--count", "1", "--out", Path.GetTempPath(), "--layouts", "xls");
        code.ShouldBe(2);
        error.ShouldContain("unknown layout xls");
        error.ShouldContain("text-tab");
    }

    [Fact]
    public async Task Demo_crawls_a_sample_portal_into_a_warehouse_and_writes_the_workbooks_and_a_digest()
    {
        var dir = Directory.CreateTempSubdirectory("demo-");
        try
        {
            var db = Path.Combine(dir.FullName, "data", "demo.db");
            var outDir = Path.Combine(dir.FullName, "out");
            var (code, output, error) = await Repo.Cli("demo", "--agencies", "12", "--db", db, "--out", outDir, "--dashboards", Path.Combine(Repo.Root, "dashboards"));
            code.ShouldBe(0, error);
            // Every eighth agency (here two of twelve) has not published its latest report; one more sent
            // its latest by other means, wrong then corrected (both kept, one current); an agency of the
            // roster copied another's report (雷同).
            output.ShouldContain("Loaded 35 reports of 13 agencies");
            output.ShouldContain("从未发布 2 个");
            Directory.GetFiles(outDir, "*.xlsx").Select(Path.GetFileName).ShouldBe(["办理结果.xlsx", "地区对比.xlsx", "年度对比.xlsx", "报送情况.xlsx", "通报.xlsx", "整改台账.xlsx", "考核评分.xlsx"], ignoreOrder: true);
            var eml = Path.Combine(outDir, "digest.eml");
            File.Exists(eml).ShouldBeTrue();
            (await MimeKit.MimeMessage.LoadAsync(eml, TestContext.Current.CancellationToken)).Subject.ShouldStartWith("政府信息公开年度报告摘要");
            output.ShouldContain("./warehouse serve");
            Warehouses.Reports(db).ShouldBe(36);

            // The register shows every state: never published (3 years running), renamed, 雷同, a corrected report's item closed.
            using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False");
            c.Open();
            Dapper.SqlMapper.ExecuteScalar<long>(c, "select count(*) from v_register where status = 'missing' and missing_run = 3").ShouldBe(2);
            Dapper.SqlMapper.ExecuteScalar<long>(c, "select count(*) from v_register where reported_as is not null").ShouldBe(1);
            Dapper.SqlMapper.ExecuteScalar<long>(c, "select count(*) from register_problem where kind = 'resemblance'").ShouldBeGreaterThanOrEqualTo(1);
            Dapper.SqlMapper.ExecuteScalar<long>(c, "select count(*) from rectification_item where closed_how = 'corrected_report'").ShouldBeGreaterThanOrEqualTo(1);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }
}
