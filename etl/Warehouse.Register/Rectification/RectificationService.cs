using System.Data.Common;
using System.Globalization;
using Dapper;
using Warehouse.Data;
using Warehouse.Parsing.Text;

namespace Warehouse.Register.Rectification;

/// <summary>
/// 通报 and 整改 (docs/register.md): the 通报 list of a year, and the supervisor's moves of the 整改
/// items that <see cref="RegisterService"/> opens and closes on its own: 待通报 → 已通报 (the date and
/// the 通报's 文号) → 整改中 → 已整改 (by hand, with a note; a corrected report, a report published or
/// the next year on time close an item automatically). Each move writes the item's event, all of a
/// command's items in one transaction; an item that cannot move so is refused, naming it and its state,
/// and nothing is written.
/// </summary>
public sealed class RectificationService(WarehouseDatabase database, TimeProvider time)
{
    /// <summary>Whether a roster was ever imported: without one there is no register, no 通报 and no item.</summary>
    public async Task<bool> HasRosterAsync(CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await c.ExecuteScalarAsync<int?>(Command("roster_latest_year", new { }, null, ct)) is not null;
    }

    /// <summary>The problems of a year's 通报, in its order, within a region (code prefix) when given.</summary>
    public async Task<IReadOnlyList<NoticeLine>> NoticeAsync(int year, string? region, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return (await c.QueryAsync<NoticeLine>(Command("notice_list", new { Year = year, Region = region }, null, ct))).ToList();
    }

    /// <summary>The 整改台账: the items of a year (or all), within a region when given.</summary>
    public async Task<IReadOnlyList<RectificationItem>> ItemsAsync(int? year, string? region, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await ItemsAsync(c, null, year, region, null, ct);
    }

    /// <summary>
    /// Marks items 已通报 on <paramref name="on"/> under <paramref name="reference"/>: the numbered
    /// <paramref name="items"/> (each must be of <paramref name="year"/> and 待通报), or else every item
    /// of the year (and region) still 待通报.
    /// </summary>
    public async Task<IReadOnlyList<RectificationItem>> NotifyAsync(int year, string? region, IReadOnlyList<long> items, string reference, DateOnly? on, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reference)) throw new RectificationException("通报须写明文号（--ref，如 赣府办公开〔2025〕3号）。A notice needs its reference (--ref).");
        return await MoveAsync("notified", on, reference.Trim(), all =>
        {
            var scope = all.Where(i => i.Year == year && (region is null || (i.RegionCode ?? "").StartsWith(region, StringComparison.Ordinal))).ToList();
            if (items.Count == 0)
            {
                var pending = scope.Where(i => i.State == "pending").ToList();
                return pending.Count > 0 ? pending : throw new RectificationException(
                    $"{year} 年度{(region is null ? "" : $"（地区 {region}）")}没有待通报的问题（register items --year {year} 列出全部事项）。Nothing pending to notify for {year}.");
            }

            var chosen = Chosen(all, items);
            var other = chosen.FirstOrDefault(i => i.Year != year);
            return other is null ? chosen : throw new RectificationException(
                $"整改事项 {other.Name} 属于 {other.Year} 年度，不是 {year} 年度的通报。Item {other.ItemKey} is of {other.Year}, not {year}.");
        }, ct);
    }

    /// <summary>Marks 已通报 items 整改中 (the agency has begun to correct them) on <paramref name="on"/>.</summary>
    public Task<IReadOnlyList<RectificationItem>> StartAsync(IReadOnlyList<long> items, DateOnly? on, CancellationToken ct) =>
        MoveAsync("in_progress", on, null, all => Chosen(all, items), ct);

    /// <summary>Closes an open item by hand (已整改, by_hand), with the note saying why.</summary>
    public async Task<RectificationItem> CloseAsync(long item, string note, DateOnly? on, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(note)) throw new RectificationException($"手工销号须写明理由（--note），如“已在门户网站更正并重新发布”。Closing item {item} by hand needs a note.");
        return (await MoveAsync("closed", on, note.Trim(), all => Chosen(all, [item]), ct))[0];
    }

    /// <summary>Everything on the agencies of the roster that <paramref name="name"/> may mean (by a name of any version, folded, or an alias).</summary>
    public async Task<IReadOnlyList<AgencyHistory>> HistoryAsync(string name, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var entities = (await c.QueryAsync<long>(Command("register_find_entity", new { Name = name.Trim(), NameKey = TextKey.Of(name) }, null, ct))).Order().ToList();
        if (entities.Count == 0) throw new RectificationException($"应报名单中没有「{name}」（按各年名称、原名称和别名查找；roster import 导入名单）。No agency of that name on the roster.");
        var histories = new List<AgencyHistory>();
        foreach (var entity in entities)
        {
            async Task<List<T>> Read<T>(string query) => (await c.QueryAsync<T>(Command(query, new { EntityKey = entity }, null, ct))).ToList();
            histories.Add(new AgencyHistory(
                entity,
                await Read<HistoryYear>("register_history_entries"),
                await Read<HistoryReport>("register_history_reports"),
                await Read<HistoryProblem>("register_history_problems"),
                await ItemsAsync(c, null, null, null, entity, ct),
                await Read<ItemEvent>("rectification_events")));
        }

        return histories;
    }

    /// <summary>What each state may be reached from, and what the refusal says.</summary>
    private static (string[] From, string Label, string Rule) Rule(string to) => to switch
    {
        "notified" => (["pending"], "已通报", "只有待通报的事项可以通报"),
        "in_progress" => (["notified"], "整改中", "只有已通报的事项可以标记为整改中"),
        _ => (["pending", "notified", "in_progress"], "已整改", "已整改的事项不能再销号"),
    };

    private async Task<IReadOnlyList<RectificationItem>> MoveAsync(string to, DateOnly? on, string? text, Func<IReadOnlyList<RectificationItem>, List<RectificationItem>> choose, CancellationToken ct)
    {
        var (from, label, rule) = Rule(to);
        var now = time.GetUtcNow();
        var day = (on ?? DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var c = await database.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var chosen = choose(await ItemsAsync(c, tx, null, null, null, ct));
        if (chosen.FirstOrDefault(i => !from.Contains(i.State)) is { } refused)
        {
            throw new RectificationException($"整改事项 {refused.Name} 不能标记为{label}：{rule}。Item {refused.ItemKey} is {refused.State}; it cannot become {to}.");
        }

        foreach (var item in chosen)
        {
            var changed = to == "closed"
                ? await c.ExecuteAsync(Command("rectification_close", new { item.ItemKey, On = day, How = "by_hand", Note = text, ClosedReportKey = (long?)null }, tx, ct))
                : await c.ExecuteAsync(Command("rectification_set_state", new { item.ItemKey, State = to, From = item.State, On = day, NoticeRef = text }, tx, ct));
            if (changed != 1) throw new InvalidOperationException($"Item {item.ItemKey} changed state while being marked {to}.");
            await c.ExecuteAsync(Command("rectification_insert_event", new { item.ItemKey, State = to, At = now.UtcDateTime, Note = text }, tx, ct));
        }

        await tx.CommitAsync(ct);
        var keys = chosen.Select(i => i.ItemKey).ToHashSet();
        return (await ItemsAsync(c, null, null, null, null, ct)).Where(i => keys.Contains(i.ItemKey)).ToList();
    }

    /// <summary>The numbered items, each of which must exist.</summary>
    private static List<RectificationItem> Chosen(IReadOnlyList<RectificationItem> all, IReadOnlyList<long> keys)
    {
        if (keys.Count == 0) throw new RectificationException("请写出整改事项的序号（register items 列出全部事项）。Give the items' numbers.");
        var byKey = all.ToDictionary(i => i.ItemKey);
        return keys.Distinct().Select(k => byKey.GetValueOrDefault(k) ?? throw new RectificationException(
            $"没有序号为 {k} 的整改事项（register items 列出全部事项）。No item {k}.")).ToList();
    }

    private async Task<IReadOnlyList<RectificationItem>> ItemsAsync(DbConnection c, DbTransaction? tx, int? year, string? region, long? entity, CancellationToken ct) =>
        (await c.QueryAsync<RectificationItem>(Command("rectification_list", new { Year = year, Region = region, EntityKey = entity }, tx, ct))).ToList();

    private CommandDefinition Command(string query, object parameters, DbTransaction? tx, CancellationToken ct) =>
        new(database.Sql.Get("queries/" + query), parameters, tx, cancellationToken: ct);
}
