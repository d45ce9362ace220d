using System.Data.Common;
using Warehouse.Core.Regions;
using Warehouse.Data;
using Warehouse.Export;
using Warehouse.Export.Dashboards;

namespace Warehouse.Cli;

/// <summary>
/// A year or filter with no reports is said, with the years that are loaded, and the command
/// exits non-zero (status, export): an empty answer must never pass for an all-clear.
/// </summary>
internal static class Coverage
{
    /// <summary>The years loaded, and the sentence to give when the years and filters asked for hold no report (null when they hold some).</summary>
    /// <param name="first">The first year asked for; null for any.</param>
    /// <param name="last">The last year asked for; null for any.</param>
    public static async Task<(IReadOnlyList<LoadedYear> Years, string? NoData)> CheckAsync(
        DbConnection connection, StatusQueries queries, int? first, int? last, Region? region, string? agencyType, CancellationToken ct)
    {
        var years = await queries.LoadedYearsAsync(connection, region?.Code, agencyType, ct);
        if (years.Count == 0)
        {
            return (years, "数据仓库中还没有报告：请先载入（./warehouse ingest 文件… 或 ./warehouse crawl）。The warehouse holds no report yet.");
        }

        if (years.Any(y => (first is null || y.Year >= first) && (last is null || y.Year <= last) && y.Matching > 0)) return (years, null);

        var filters = region is not null || agencyType is not null;
        var what = string.Concat(
            first is null ? "" : first == last ? $"{first} 年" : $"{first}–{last} 年",
            region is null ? "" : Choices.RegionTitle(region),
            agencyType is null ? "" : $"（机关类型：{agencyType}）");
        var loaded = string.Join("、", years.Select(y => $"{y.Year}（{y.Reports} 份）"));
        var matching = years.Where(y => y.Matching > 0).Select(y => $"{y.Year}（{y.Matching} 份）").ToList();
        var there = !filters ? "" : $"；其中{(region is null ? "" : region.Name)}{(agencyType is null ? "" : agencyType)}有报告的年度：{(matching.Count == 0 ? "无" : string.Join("、", matching))}";
        return (years, $"{what}没有报告。已载入的年度：{loaded}{there}。No reports for these years and filters; loaded years: {string.Join(", ", years.Select(y => y.Year))}.");
    }

    /// <summary>
    /// For export: the years and filters a dashboard would show (its defaults filled in as the
    /// exporter fills them) must hold reports.
    /// </summary>
    /// <exception cref="UserError">They hold none (the sentence says which years are loaded).</exception>
    /// <exception cref="SelectionException">A filter the dashboard does not take.</exception>
    public static async Task RequireAsync(WarehouseDatabase database, Dashboard dashboard, SelectionRequest request, CancellationToken ct)
    {
        var queries = new StatusQueries(database.Sql);
        await using var connection = await database.OpenAsync(ct);
        var all = await queries.LoadedYearsAsync(connection, null, null, ct);
        var selection = Selection.Resolve(dashboard, request, all.Count == 0 ? null : (int)all[0].Year, all.Count == 0 ? null : (int)all[^1].Year);

        var (_, noData) = await CheckAsync(connection, queries, selection.FirstYear, selection.LastYear, selection.Region, selection.AgencyType, ct);
        if (noData is not null) throw new UserError(noData);
    }
}
