using Shouldly;

namespace Warehouse.Cli.Tests;

/// <summary>
/// <c>roster</c> as a supervisor uses it: import a CSV for a year, check it against the reports
/// (exit 1 while an agency has no report), a file with problems imports nothing and says where,
/// Chinese first.
/// </summary>
public sealed class RosterCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cli-roster-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Import_then_check_names_the_agency_without_a_report_and_exits_1()
    {
        var db = Path.Combine(_dir.FullName, "w.db");
        var seeds = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds");
        (await Repo.Cli("ingest", seeds, "--db", db)).Code.ShouldBe(0);
        var roster = Path.Combine(_dir.FullName, "应报名单.csv");
        await File.WriteAllTextAsync(roster, "单位名称,地区,机关类型\n赣县区商务局,赣县区,政府部门\n赣县区审计局,赣县区,政府部门\n", TestContext.Current.CancellationToken);

        var (code, output, err) = await Repo.Cli("roster", "import", roster, "--year", "2023", "--db", db);
        code.ShouldBe(0, err);
        output.ShouldStartWith("已导入 2023 年起的应报名单：2 个单位，其中新增 2");

        var check = await Repo.Cli("roster", "check", "--year", "2023", "--db", db);
        check.Code.ShouldBe(1, check.Err);
        check.Out.ShouldStartWith("2023 年应报 2 个单位：已找到报告 1，未发现报告 1；");
        check.Out.ShouldContain("未发现报告的单位 / no report（1）：\n  赣县区审计局（赣县区）");
    }

    [Fact]
    public async Task A_roster_with_a_problem_imports_nothing_and_says_which_row()
    {
        var roster = Path.Combine(_dir.FullName, "bad.csv");
        await File.WriteAllTextAsync(roster, "单位名称,地区\n赣县区商务局,火星\n", TestContext.Current.CancellationToken);

        var (code, _, err) = await Repo.Cli("roster", "import", roster, "--year", "2023", "--db", Path.Combine(_dir.FullName, "w.db"));

        code.ShouldBe(2);
        err.ShouldContain("名单未导入，1 处问题：第 2 行「赣县区商务局」的地区「火星」不是全国行政区划中的地区名或代码");
    }
}
