using System.Text;
using Dapper;
using Shouldly;
using Warehouse.Register;
using Warehouse.Register.Roster;

namespace Warehouse.Load.Tests;

/// <summary>
/// The register (报送台账) in a real SQLite warehouse: the roster against the reports of each year,
/// the status of each agency against its region's deadline, its problems, and the 整改 items that
/// open with a problem and close when it is corrected. The same tests run on SQL Server when one is
/// configured (<see cref="SqlServerRegisterTests"/>).
/// </summary>
public class RegisterTests
{
    /// <summary>A fresh warehouse for one test: SQLite here, SQL Server in the subclass.</summary>
    protected virtual TempWarehouse NewWarehouse() => new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>1 December 2026, Beijing time: every deadline of 2023 and 2024 has passed, that of 2025 (31 January 2026) too.</summary>
    private static readonly TimeProvider Today = new FixedTime(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));

    private static async Task LoadAsync(TempWarehouse w, params (string Agency, int Year, DateOnly Signed, bool Wrong)[] reports)
    {
        var files = reports.Select((r, i) => w.Write($"{r.Agency}-{r.Year}-{Guid.NewGuid():N}.txt", SeedReports.As(r.Agency, r.Year, r.Signed, r.Wrong))).ToList();
        var summary = await w.Ingest(Today).IngestAsync(files, new IngestOptions(), null, Ct);
        summary.Rejected.ShouldBeEmpty();
    }

    private static async Task RosterAsync(TempWarehouse w, int year, string csv)
    {
        var path = Path.Combine(w.Folder, $"roster-{year}-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv, Encoding.UTF8, Ct);
        await new RosterService(w.Database, Today).ImportAsync(path, year, Ct);
    }

    private static async Task<List<Row>> RegisterAsync(TempWarehouse w)
    {
        await using var c = await w.OpenAsync();
        return (await c.QueryAsync<Row>("select entity_key as EntityKey, year as Year, agency as Agency, reported_as as ReportedAs, status as Status, status_label as StatusLabel, days_late as DaysLate, missing_run as MissingRun, problems as Problems, open_items as OpenItems from v_register order by agency, year")).ToList();
    }

    private static async Task<List<Item>> ItemsAsync(TempWarehouse w)
    {
        await using var c = await w.OpenAsync();
        return (await c.QueryAsync<Item>("select item_key as ItemKey, year as Year, kind as Kind, state as State, closed_how as ClosedHow, report_key as ReportKey, closed_report_key as ClosedReportKey, detail as Detail from rectification_item order by item_key")).ToList();
    }

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public async Task An_agency_absent_two_years_running_is_missing_both_years_and_the_second_says_so()
    {
        using var w = NewWarehouse();
        await LoadAsync(w, ("赣县区商务局", 2023, D(2024, 1, 20), false), ("赣县区商务局", 2024, D(2025, 1, 10), false));
        await RosterAsync(w, 2023, "单位名称,地区,机关类型\n赣县区商务局,赣县区,政府部门\n赣县区审计局,赣县区,政府部门\n");

        var rows = await RegisterAsync(w);

        var audit = rows.Where(r => r.Agency == "赣县区审计局").ToList();
        audit.Select(r => (r.Year, r.Status, r.MissingRun)).ShouldBe([(2023L, "missing", (long?)1), (2024L, "missing", 2)]);
        audit[1].StatusLabel.ShouldBe("未发布");
        audit[1].Problems.ShouldBe("2024 年度报告未发布（期限 2025-01-31），已连续 2 年未发布。");
        rows.Where(r => r.Agency == "赣县区商务局").Select(r => r.Status).ShouldBe(["on_time", "on_time"]);
        (await ItemsAsync(w)).Where(i => i.Kind == "missing").Select(i => (i.Year, i.State)).ShouldBe([(2023L, "pending"), (2024L, "pending")]);
    }

    [Fact]
    public async Task A_renamed_agency_is_one_agency_of_the_register_and_its_reports_under_either_name_count()
    {
        using var w = NewWarehouse();
        await LoadAsync(w, ("赣县区科学技术局", 2023, D(2024, 1, 20), false), ("赣县区科学技术和工业信息化局", 2024, D(2025, 1, 25), false));
        await RosterAsync(w, 2023, "单位名称,地区\n赣县区科学技术局,赣县区\n");
        await RosterAsync(w, 2024, "单位名称,地区,原名称\n赣县区科学技术和工业信息化局,赣县区,赣县区科学技术局\n");

        var rows = await RegisterAsync(w);

        rows.Select(r => r.EntityKey).Distinct().Count().ShouldBe(1);
        rows.Select(r => (r.Year, r.Agency, r.Status)).ShouldBe([(2024L, "赣县区科学技术和工业信息化局", "on_time"), (2023L, "赣县区科学技术局", "on_time")], ignoreOrder: true);
        (await ItemsAsync(w)).Where(i => i.State != "closed" && i.Kind != "resemblance").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_corrected_report_closes_its_item_and_the_wrong_report_stays_as_history()
    {
        using var w = NewWarehouse();
        await LoadAsync(w, ("赣县区商务局", 2024, D(2025, 1, 20), true));
        await RosterAsync(w, 2024, "单位名称,地区\n赣县区商务局,赣县区\n");

        var opened = await ItemsAsync(w);
        opened.Select(i => (i.Kind, i.State)).ShouldBe([("arithmetic", "pending"), ("arithmetic", "pending")]);
        opened.Select(i => i.Detail).ShouldContain("表三「一、本年新收政府信息公开申请数量」总计列为 0，但六类申请人之和为 1（总计列）。");
        (await RegisterAsync(w)).ShouldHaveSingleItem().OpenItems.ShouldBe(2);

        await LoadAsync(w, ("赣县区商务局", 2024, D(2025, 1, 28), false));

        var items = await ItemsAsync(w);
        items.Select(i => (i.State, i.ClosedHow)).ShouldBe([("closed", "corrected_report"), ("closed", "corrected_report")]);
        var closed = items[0];
        closed.ClosedReportKey.ShouldNotBe(closed.ReportKey);
        await using var c = await w.OpenAsync();
        var reports = (await c.QueryAsync<(long Key, long Current, long? SupersededBy)>("select report_key, is_current, superseded_by from fact_report order by report_key")).ToList();
        reports.ShouldBe([(closed.ReportKey!.Value, 0L, closed.ClosedReportKey), (closed.ClosedReportKey!.Value, 1L, null)]);
        var events = (await c.QueryAsync<string>("select state from rectification_event where item_key = @K order by event_key", new { K = closed.ItemKey })).ToList();
        events.ShouldBe(["pending", "closed"]);

        (await RegisterAsync(w)).ShouldHaveSingleItem().Status.ShouldBe("on_time");
    }

    [Fact]
    public async Task A_late_report_opens_an_item_closed_when_the_next_year_is_on_time_and_an_extension_is_a_fact_not_a_code_change()
    {
        using var w = NewWarehouse();
        await RosterAsync(w, 2023, "单位名称,地区\n赣县区商务局,赣县区\n赣县区审计局,赣县区\n");
        await LoadAsync(w, ("赣县区商务局", 2023, D(2024, 2, 12), false), ("赣县区审计局", 2023, D(2024, 2, 12), false));

        var rows = await RegisterAsync(w);
        rows.Select(r => (r.Agency, r.Status, r.DaysLate)).ShouldBe([("赣县区审计局", "late", (long?)12), ("赣县区商务局", "late", 12)], ignoreOrder: true);
        rows.Single(r => r.Agency == "赣县区审计局").Problems.ShouldStartWith("逾期 12 天发布：2024-02-12 发布（落款日期），期限 2024-01-31。");

        await LoadAsync(w, ("赣县区商务局", 2024, D(2025, 1, 15), false));
        var items = await ItemsAsync(w);
        items.Where(i => i.Year == 2023 && i.Kind == "late").Select(i => (i.State, i.ClosedHow)).ShouldBe([("closed", "next_year"), ("pending", null)], ignoreOrder: true);

        // 赣县区 was given until 15 February 2024: 审计局's 2023 report is on time after all.
        await new RosterService(w.Database, Today).SetDeadlineAsync("360704", 2023, D(2024, 2, 15), "延期", Ct);
        (await RegisterAsync(w)).Where(r => r.Year == 2023).Select(r => r.Status).ShouldBe(["on_time", "on_time"]);
        (await ItemsAsync(w)).Where(i => i.Year == 2023 && i.Kind == "late").Select(i => (i.State, i.ClosedHow)).ShouldBe([("closed", "next_year"), ("closed", "problem_gone")], ignoreOrder: true);
    }

    [Fact]
    public async Task Before_the_deadline_no_report_is_not_yet_missing()
    {
        using var w = NewWarehouse();
        var january = new FixedTime(new DateTimeOffset(2025, 1, 20, 2, 0, 0, TimeSpan.Zero));
        var path = Path.Combine(w.Folder, "roster.csv");
        await File.WriteAllTextAsync(path, "单位名称,地区\n赣县区审计局,赣县区\n", Encoding.UTF8, Ct);
        await new RosterService(w.Database, january).ImportAsync(path, 2024, Ct);

        (await RegisterAsync(w)).ShouldHaveSingleItem().StatusLabel.ShouldBe("未到期限");
        (await ItemsAsync(w)).ShouldBeEmpty();

        await new RegisterService(w.Database, Today).RefreshAsync(Ct);
        (await RegisterAsync(w)).ShouldHaveSingleItem().StatusLabel.ShouldBe("未发布");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed record Row
    {
        public long EntityKey { get; init; }

        public long Year { get; init; }

        public string Agency { get; init; } = "";

        public string? ReportedAs { get; init; }

        public string Status { get; init; } = "";

        public string StatusLabel { get; init; } = "";

        public long? DaysLate { get; init; }

        public long? MissingRun { get; init; }

        public string? Problems { get; init; }

        public long OpenItems { get; init; }
    }

    private sealed record Item
    {
        public long ItemKey { get; init; }

        public long Year { get; init; }

        public string Kind { get; init; } = "";

        public string State { get; init; } = "";

        public string? ClosedHow { get; init; }

        public long? ReportKey { get; init; }

        public long? ClosedReportKey { get; init; }

        public string Detail { get; init; } = "";
    }
}

/// <summary>The register's tests on SQL Server (<c>WAREHOUSE_SQLSERVER</c>; skipped when it is not set).</summary>
public sealed class SqlServerRegisterTests : RegisterTests
{
    protected override TempWarehouse NewWarehouse() => TempWarehouse.OnSqlServer();
}
