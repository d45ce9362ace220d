using System.Data.Common;
using Dapper;
using Warehouse.Core.Regions;
using Warehouse.Core;

namespace Warehouse.Data;

/// <summary>Fills the fixed dimensions (regions, categories, applicant types, items) when they are empty.</summary>
public sealed class DimensionSeeder(SqlScripts sql)
{
    /// <summary>Item keys are fixed so that every warehouse names the same item the same way.</summary>
    public static readonly IReadOnlyList<(int Key, string Code, string Label)> ActiveItems =
    [
        (1, "regulations", "规章"),
        (2, "normative_documents", "行政规范性文件"),
        (3, "licensing", "行政许可"),
        (4, "other_services", "其他对外管理服务事项"),
        (5, "penalty", "行政处罚"),
        (6, "enforcement", "行政强制"),
        (7, "fees", "行政事业性收费"),
        (8, "procurement", "政府集中采购"),
    ];

    public async Task SeedAsync(DbConnection connection, CancellationToken ct)
    {
        var table = sql.Dialect == Dialect.Sqlite ? "dim_region" : "dbo.dim_region";
        var regions = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"select count(*) from {table}", cancellationToken: ct));
        if (regions > 0) return;

        using var tx = connection.BeginTransaction();
        var divisions = DivisionList.Default;
        await connection.ExecuteAsync(new CommandDefinition(sql.Get("queries/seed_dim_region"), divisions.Regions.Select(r =>
        {
            var lineage = divisions.Lineage(r.Code).ToList();
            return new
            {
                RegionCode = r.Code,
                r.Name,
                Level = r.Level.ToString().ToLowerInvariant(),
                r.ParentCode,
                ProvinceCode = lineage[^1].Code,
                CityCode = lineage.FirstOrDefault(x => x.Level == RegionLevel.City)?.Code,
            };
        }), tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(sql.Get("queries/seed_dim_disposal_category"), DisposalCategories.All.Select(c => new
        {
            CategoryKey = c.Number,
            CategoryCode = c.Code,
            RowNumber = c.Number,
            c.Label,
            GroupCode = c.Group,
            c.In2019,
            c.In2021,
        }), tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(sql.Get("queries/seed_dim_applicant_type"), ApplicantTypes.All.Select(a => new
        {
            ApplicantKey = a.Index + 1,
            ApplicantCode = a.Code,
            ColumnIndex = a.Index,
            a.Label,
            GroupCode = a.Group,
        }), tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(sql.Get("queries/seed_dim_active_item"),
            ActiveItems.Select(i => new { ItemKey = i.Key, ItemCode = i.Code, i.Label }), tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(sql.Get("queries/seed_dim_year"),
            Enumerable.Range(2008, 30).Select(y => new { Year = y }), tx, cancellationToken: ct));
        tx.Commit();
    }
}
