using System.Text;
using Dapper;
using Shouldly;
using Warehouse.Register.Rectification;
using Warehouse.Register.Roster;

namespace Warehouse.Load.Tests;

/// <summary>
/// 通报 and 整改 in a real SQLite warehouse: items opened by the register, moved by the supervisor
/// (待通报 → 已通报 → 整改中 → 已整改), closed by a corrected report that keeps the old one as history,
/// refused when a move does not fit the item's state, and the 通报 in region and severity order.
/// </summary>
public class RectificationTests
{
    /// <summary>A fresh warehouse for one test: SQLite here, SQL Server in <see cref="SqlServerRectificationTests"/>.</summary>
    protected virtual TempWarehouse NewWarehouse() => new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The seed report with 3 applications received by natural persons and none handled: the total column and the balance are wrong.</summary>
    private static byte[] Inconsistent(string agency, int year) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SeedReports.As(agency, year))
            .Replace("一、本年新收政府信息公开申请数量\t\t0\t0", "一、本年新收政府信息公开申请数量\t\t3\t0", StringComparison.Ordinal));

    private static async Task LoadAsync(TempWarehouse w, string name, byte[] bytes)
    {
        var summary = await w.Ingest().IngestAsync([w.Write(name, bytes)], new IngestOptions(), null, Ct);
        summary.Rejected.ShouldBeEmpty();
    }

    private static async Task RosterAsync(TempWarehouse w, string csv)
    {
        var path = Path.Combine(w.Folder, "roster.csv");
        await File.WriteAllTextAsync(path, "单位名称,地区,机关类型\n" + csv, Ct);
        await new RosterService(w.Database, TimeProvider.System).ImportAsync(path, 2023, Ct);
    }

    private static RectificationService Service(TempWarehouse w) => new(w.Database, TimeProvider.System);

    [Fact]
    public async Task A_corrected_report_closes_its_item_and_keeps_the_old_report_as_history()
    {
        using var w = NewWarehouse();
        await LoadAsync(w, "bad.txt", Inconsistent("赣县区商务局", 2023));
        await RosterAsync(w, "赣县区商务局,赣县区,政府部门\n");
        var items = await Service(w).ItemsAsync(2023, null, Ct);
        items.ShouldNotBeEmpty();
        items.ShouldAllBe(i => i.Kind == "arithmetic" && i.State == "pending" && i.Agency == "赣县区商务局");

        var notified = await Service(w).NotifyAsync(2023, "3607", [], "赣府办公开〔2025〕3号", new DateOnly(2025, 3, 1), Ct);
        notified.Select(i => i.ItemKey).ShouldBe(items.Select(i => i.ItemKey), ignoreOrder: true);
        notified.ShouldAllBe(i => i.State == "notified" && i.NotifiedOn == "2025-03-01" && i.NoticeRef == "赣府办公开〔2025〕3号");

        await LoadAsync(w, "corrected.txt", SeedReports.As("赣县区商务局", 2023));

        var closed = await Service(w).ItemsAsync(2023, null, Ct);
        closed.Count.ShouldBe(items.Count);
        closed.ShouldAllBe(i => i.State == "closed" && i.ClosedHow == "corrected_report" && i.ClosedHowLabel == "更正后的报告已无此问题" && i.ClosedSourceUrl!.EndsWith("corrected.txt", StringComparison.Ordinal));
        closed.ShouldAllBe(i => i.SourceUrl!.EndsWith("bad.txt", StringComparison.Ordinal));
        (await w.CountAsync("fact_report", "is_current = 0")).ShouldBe(1);
        (await Service(w).NoticeAsync(2023, null, Ct)).ShouldBeEmpty();

        var history = (await Service(w).HistoryAsync("赣县区商务局", Ct)).ShouldHaveSingleItem();
        history.Reports.Select(r => (r.IsCurrent, Path.GetFileName(r.SourceUrl))).ShouldBe([(false, "bad.txt"), (true, "corrected.txt")]);
        history.Reports[0].SupersededBy.ShouldBe(history.Reports[1].ReportKey);
        history.Events.Where(e => e.ItemKey == items[0].ItemKey).Select(e => e.State).ShouldBe(["pending", "notified", "closed"]);
    }

    [Fact]
    public async Task Closing_by_hand_needs_a_note_and_a_move_that_does_not_fit_the_state_is_refused_naming_the_item()
    {
        using var w = NewWarehouse();
        await LoadAsync(w, "r.txt", SeedReports.As("赣县区商务局", 2023));
        await RosterAsync(w, "赣县区商务局,赣县区,政府部门\n赣县区审计局,赣县区,政府部门\n");
        var item = (await Service(w).ItemsAsync(2023, null, Ct)).ShouldHaveSingleItem();
        item.Kind.ShouldBe("missing");
        item.Agency.ShouldBe("赣县区审计局");

        (await Should.ThrowAsync<RectificationException>(() => Service(w).StartAsync([item.ItemKey], null, Ct)))
            .Message.ShouldStartWith($"整改事项 {item.ItemKey}（赣县区审计局 2023 年度 未发布，待通报） 不能标记为整改中：只有已通报的事项可以标记为整改中。");
        (await Should.ThrowAsync<RectificationException>(() => Service(w).CloseAsync(item.ItemKey, " ", null, Ct))).Message.ShouldStartWith("手工销号须写明理由（--note）");
        (await Should.ThrowAsync<RectificationException>(() => Service(w).StartAsync([item.ItemKey + 100], null, Ct))).Message.ShouldStartWith($"没有序号为 {item.ItemKey + 100} 的整改事项");
        (await Should.ThrowAsync<RectificationException>(() => Service(w).NotifyAsync(2022, null, [], "文号", null, Ct))).Message.ShouldStartWith("2022 年度没有待通报的问题");

        await Service(w).NotifyAsync(2023, null, [item.ItemKey], "赣府办公开〔2025〕3号", null, Ct);
        (await Service(w).StartAsync([item.ItemKey], new DateOnly(2025, 3, 10), Ct)).ShouldHaveSingleItem().StartedOn.ShouldBe("2025-03-10");
        var closed = await Service(w).CloseAsync(item.ItemKey, "该单位已撤销，职能并入区政府办。", new DateOnly(2025, 4, 1), Ct);
        (closed.State, closed.ClosedHow, closed.ClosedOn, closed.ClosedNote).ShouldBe(("closed", "by_hand", "2025-04-01", "该单位已撤销，职能并入区政府办。"));
        (await Should.ThrowAsync<RectificationException>(() => Service(w).CloseAsync(item.ItemKey, "再次", null, Ct))).Message.ShouldContain("已整改的事项不能再销号");

        await using var c = await w.OpenAsync();
        (await c.QueryAsync<string>("select state from rectification_event where item_key = @Item order by event_key", new { Item = item.ItemKey })).ShouldBe(["pending", "notified", "in_progress", "closed"]);
    }

    [Fact]
    public async Task The_notice_lists_problem_agencies_only_by_region_then_by_severity()
    {
        using var w = NewWarehouse();
        await LoadAsync(w, "bad.txt", Inconsistent("赣县区商务局", 2023));
        await RosterAsync(w, "赣县区商务局,赣县区,政府部门\n赣县区审计局,赣县区,政府部门\n章贡区审计局,章贡区,政府部门\n");

        var notice = await Service(w).NoticeAsync(2023, null, Ct);
        notice.Select(l => (l.Region, l.Agency, l.KindLabel)).Distinct().ShouldBe([("章贡区", "章贡区审计局", "未发布"), ("赣县区", "赣县区审计局", "未发布"), ("赣县区", "赣县区商务局", "数据不一致")]);
        notice.Select(l => l.NoticeOrder).ShouldBe(Enumerable.Range(1, notice.Count).Select(i => (long)i));
        notice.Where(l => l.Kind == "arithmetic").ShouldAllBe(l => l.Detail.StartsWith("表三", StringComparison.Ordinal) && l.SourceUrl!.EndsWith("bad.txt", StringComparison.Ordinal) && l.ItemStateLabel == "待通报");
        (await Service(w).NoticeAsync(2023, "360702", Ct)).Select(l => l.Agency).ShouldBe(["章贡区审计局"]);
    }
}

/// <summary>The same tests on SQL Server (<c>WAREHOUSE_SQLSERVER</c>; skipped when it is not set).</summary>
public sealed class SqlServerRectificationTests : RectificationTests
{
    protected override TempWarehouse NewWarehouse() => TempWarehouse.OnSqlServer();
}
