using System.IO.Compression;
using Shouldly;

namespace Warehouse.Cli.Tests;

/// <summary>
/// <c>register</c> as a supervisor uses it: the 通报 list (exit 0, ready to paste, and its workbook),
/// notify the year's pending items, a corrected report closing its item and named in the agency's
/// history with the old one, and each refusal one Chinese-first line with exit 2.
/// </summary>
public sealed class RegisterCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cli-register-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Seed = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds", "000_6b7f44aa3acc8f17.txt");

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        await File.WriteAllTextAsync(path, text, Ct);
        return path;
    }

    [Fact]
    public async Task Status_with_a_roster_names_the_agency_that_never_published_and_how_many_years_running()
    {
        var db = Path.Combine(_dir.FullName, "w.db");
        var seed = await File.ReadAllTextAsync(Seed, Ct);
        (await Repo.Cli("ingest", await WriteAsync("2023.txt", seed), await WriteAsync("2024.txt", seed.Replace("2023", "2024", StringComparison.Ordinal)), "--db", db)).Code.ShouldBe(0);
        var roster = await WriteAsync("应报名单.csv", "单位名称,地区\n赣县区商务局,赣县区\n章贡区审计局,章贡区\n");
        (await Repo.Cli("roster", "import", roster, "--year", "2023", "--db", db)).Code.ShouldBe(0);

        var (code, output, err) = await Repo.Cli("status", "--db", db);

        code.ShouldBe(0, err);
        output.ShouldContain("未发布或无法核实 Missing or unverifiable（应报名单上没有报告的单位）：共 1 个\n  1. 章贡区审计局 · 360702 章贡区 · 未发布，已连续 2 年未发布 · 从未收到报告\n");
    }

    [Fact]
    public async Task Notice_notify_and_a_corrected_report_closing_its_item_in_the_agencys_history()
    {
        var db = Path.Combine(_dir.FullName, "w.db");
        var seed = await File.ReadAllTextAsync(Seed, Ct);
        var bad = await WriteAsync("bad.txt", seed.Replace("一、本年新收政府信息公开申请数量\t\t0\t0", "一、本年新收政府信息公开申请数量\t\t3\t0", StringComparison.Ordinal));
        (await Repo.Cli("ingest", bad, "--db", db)).Code.ShouldBe(0);
        var roster = await WriteAsync("应报名单.csv", "单位名称,地区,机关类型\n赣县区商务局,赣县区,政府部门\n章贡区审计局,章贡区,政府部门\n");
        (await Repo.Cli("roster", "import", roster, "--year", "2023", "--db", db)).Code.ShouldBe(0);

        var workbook = Path.Combine(_dir.FullName, "通报.xlsx");
        var (code, output, err) = await Repo.Cli("register", "notice", "--year", "2023", "--out", workbook, "--db", db, "--dashboards", Path.Combine(Repo.Root, "dashboards"));
        code.ShouldBe(0, err);
        output.ShouldStartWith("2023 年度通报名单（全部地区）：2 个单位，3 个问题。");
        output.ShouldContain("序号\t地区\t单位\t问题类型\t具体问题\t原文链接\t发布日期\t逾期天数\n1\t章贡区\t章贡区审计局\t未发布\t2023 年度报告未发布（期限 2024-01-31）。\t\t\t\n2\t赣县区\t赣县区商务局\t数据不一致\t表三");
        using (var zip = ZipFile.OpenRead(workbook)) zip.GetEntry("xl/workbook.xml").ShouldNotBeNull();

        var notify = await Repo.Cli("register", "notify", "--year", "2023", "--region", "赣县区", "--ref", "赣府办公开〔2025〕3号", "--date", "2025-03-01", "--db", db);
        notify.Code.ShouldBe(0, notify.Err);
        notify.Out.ShouldStartWith("已通报 2 项（2025-03-01，赣府办公开〔2025〕3号）。");

        var again = await Repo.Cli("register", "notify", "--year", "2023", "--region", "赣县区", "--ref", "赣府办公开〔2025〕4号", "--db", db);
        again.Code.ShouldBe(2);
        again.Err.Trim().ShouldBe("warehouse: 2023 年度（地区 360704）没有待通报的问题（register items --year 2023 列出全部事项）。Nothing pending to notify for 2023.");

        var corrected = await WriteAsync("corrected.txt", seed);
        (await Repo.Cli("ingest", corrected, "--db", db)).Code.ShouldBe(0);
        var items = await Repo.Cli("register", "items", "--year", "2023", "--db", db);
        items.Code.ShouldBe(0, items.Err);
        items.Out.ShouldStartWith("整改台账 2023 年度（全部地区）：共 3 项，未整改 1 项（待通报 1，已通报 0，整改中 0），已整改 2 项。");
        items.Out.ShouldContain("\t已整改\t");
        items.Out.ShouldContain("\t2025-03-01\t赣府办公开〔2025〕3号\t\t");
        items.Out.ShouldContain("\t更正后的报告已无此问题\t更正后的报告已不再有此问题。\n");

        var history = await Repo.Cli("register", "history", "赣县区商务局", "--db", db);
        history.Code.ShouldBe(0, history.Err);
        history.Out.ShouldContain("（赣县区商务局）已被报告");
        history.Out.ShouldContain("取代（历史）");
        history.Out.ShouldContain(bad);
        history.Out.ShouldContain(corrected);
        history.Out.ShouldContain("已通报：赣府办公开〔2025〕3号");
        history.Out.ShouldContain("已整改（更正后的报告已无此问题）");
    }

    [Fact]
    public async Task A_move_that_cannot_be_made_and_a_warehouse_without_a_roster_are_one_chinese_line_and_exit_2()
    {
        var db = Path.Combine(_dir.FullName, "w.db");
        (await Repo.Cli("ingest", Seed, "--db", db)).Code.ShouldBe(0);

        var noRoster = await Repo.Cli("register", "notice", "--year", "2023", "--db", db);
        noRoster.Code.ShouldBe(2);
        noRoster.Err.ShouldStartWith("warehouse: 未导入应报名单：");
        var status = await Repo.Cli("status", "--db", db);
        status.Out.ShouldContain("通报名单 Notice list：未导入应报名单。用 ./warehouse roster import");

        var roster = await WriteAsync("应报名单.csv", "单位名称,地区\n赣县区商务局,赣县区\n赣县区审计局,赣县区\n");
        (await Repo.Cli("roster", "import", roster, "--year", "2023", "--db", db)).Code.ShouldBe(0);

        var start = await Repo.Cli("register", "start", "1", "--db", db);
        start.Code.ShouldBe(2);
        start.Err.Trim().Split('\n').ShouldHaveSingleItem().ShouldStartWith("warehouse: 整改事项 1（赣县区审计局 2023 年度 未发布，待通报） 不能标记为整改中");

        var close = await Repo.Cli("register", "close", "1", "--note", " ", "--db", db);
        close.Code.ShouldBe(2);
        close.Err.ShouldStartWith("warehouse: 手工销号须写明理由（--note）");
        (await Repo.Cli("register", "close", "7", "--note", "x", "--db", db)).Err.ShouldStartWith("warehouse: 没有序号为 7 的整改事项");

        var closed = await Repo.Cli("register", "close", "1", "--note", "该单位已撤销", "--db", db);
        closed.Code.ShouldBe(0, closed.Err);
        closed.Out.ShouldStartWith("已整改（手工销号）：1（赣县区审计局 2023 年度 未发布，已整改）。");

        var after = await Repo.Cli("status", "--db", db);
        after.Out.ShouldContain("通报名单 Notice list（2023 年度，按地区和问题严重程度；register notice 可粘贴）：1 个单位，1 个问题");
        after.Out.ShouldContain("未整改事项 Open 整改 items：0 项（待通报 0，已通报 0，整改中 0），已整改 1 项");
    }
}
