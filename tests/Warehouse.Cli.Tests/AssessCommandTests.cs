using ClosedXML.Excel;
using Shouldly;
using Warehouse.Catalogue;
using Warehouse.Export.Dashboards;
using Warehouse.Register.Assessment;

namespace Warehouse.Cli.Tests;

/// <summary>
/// <c>assess</c> as a supervisor uses it: a year scored with the example scheme into the 考核评分
/// workbook, whose deductions each name their reason; a missing year, a bad scheme or no roster is
/// one Chinese-first sentence and exit 2.
/// </summary>
public sealed class AssessCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cli-assess-");

    private static string Dashboards => Path.Combine(Repo.Root, "dashboards");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task A_year_is_scored_into_the_workbook_with_a_score_rank_and_reasons_per_agency()
    {
        var db = Path.Combine(_dir.FullName, "w.db");
        (await Repo.Cli("ingest", Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds"), "--db", db)).Code.ShouldBe(0);
        var roster = Path.Combine(_dir.FullName, "应报名单.csv");
        await File.WriteAllTextAsync(roster, "单位名称,地区,机关类型\n赣县区商务局,赣县区,政府部门\n赣县区审计局,赣县区,政府部门\n", TestContext.Current.CancellationToken);
        var noRoster = await Repo.Cli("assess", "--year", "2023", "--db", db, "--dashboards", Dashboards);
        noRoster.Code.ShouldBe(2);
        noRoster.Err.ShouldContain("还没有应报名单，无法考核");
        (await Repo.Cli("roster", "import", roster, "--year", "2023", "--db", db)).Code.ShouldBe(0);
        var workbook = Path.Combine(_dir.FullName, "考核评分.xlsx");

        var (code, output, err) = await Repo.Cli("assess", "--year", "2023", "--db", db, "--dashboards", Dashboards, "--out", workbook);

        code.ShouldBe(0, err);
        output.ShouldStartWith("已按「年报考核评分（示例方案）」（assessment.scheme.yaml）考核 2023 年度：评分 2 个单位");
        using var book = new XLWorkbook(workbook);
        book.Worksheets.Select(s => s.Name).ShouldContain("考核评分");
        var reasons = book.Worksheet("扣分明细").CellsUsed().Select(c => c.GetString()).ToList();
        reasons.ShouldContain("未发布：2023 年度报告未发布（期限 2024-01-31）。扣 20 分。");
        var scores = book.Worksheet("考核评分");
        var audit = scores.CellsUsed().First(c => c.GetString() == "赣县区审计局").Address.RowNumber;
        scores.Row(audit).CellsUsed().Select(c => c.GetString()).ShouldContain("80");
    }

    [Fact]
    public async Task No_year_a_scheme_with_mistakes_or_no_warehouse_is_one_sentence_and_exit_2()
    {
        var db = Path.Combine(_dir.FullName, "w.db");
        var noYear = await Repo.Cli("assess", "--db", db, "--dashboards", Dashboards);
        noYear.Code.ShouldBe(2);
        noYear.Err.ShouldContain("请用 --year 给出考核年度");

        var bad = Path.Combine(_dir.FullName, "bad.scheme.yaml");
        await File.WriteAllTextAsync(bad, "title: 有错\ndeductions:\n  arithmatic: { points: 1 }\n", TestContext.Current.CancellationToken);
        var badScheme = await Repo.Cli("assess", "--year", "2023", "--scheme", bad, "--db", db, "--dashboards", Dashboards);
        badScheme.Code.ShouldBe(2);
        badScheme.Err.ShouldContain("考核评分方案");
        badScheme.Err.ShouldContain("bad.scheme.yaml:3: deductions: unknown key 'arithmatic' (did you mean 'arithmetic'?)");

        var check = await Repo.Cli("dashboards", "check", bad);
        check.Code.ShouldBe(1);
        check.Out.ShouldContain("did you mean 'arithmetic'");
    }

    [Fact]
    public void The_example_scheme_reads_without_a_mistake_and_is_not_a_workbook()
    {
        var schemes = DefinitionFiles.In(Dashboards).Where(DefinitionFiles.IsScheme).ToList();
        schemes.Select(Path.GetFileName).ShouldBe(["assessment.scheme.yaml"]);
        var (scheme, problems) = AssessmentSchemeReader.Read(schemes[0]);
        problems.ShouldBeEmpty();
        scheme!.Name.ShouldBe("assessment");
        scheme.Rules.Select(r => r.Kind).Order(StringComparer.Ordinal).ShouldBe(AssessmentScheme.Kinds.Order(StringComparer.Ordinal));

        var catalog = DashboardCatalog.Load(Dashboards);
        catalog.Problems.ShouldBeEmpty();
        catalog.Find("assessment")!.Title.ShouldBe("考核评分");
        catalog.Dashboards.ShouldNotContain(d => DefinitionFiles.IsScheme(d.File));
    }
}
