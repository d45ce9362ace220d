using System.Data.Common;
using Dapper;

namespace Warehouse.Data;

// Rows as Dapper fills them: properties, so that SQLite's integers and SQL Server's bits both map.
public sealed record WarehouseCounts
{
    public long Reports { get; init; }

    public long Agencies { get; init; }

    public long Superseded { get; init; }

    public long Rejected { get; init; }

    public long Documents { get; init; }

    public long Errors { get; init; }

    public long Warnings { get; init; }

    public string? LatestLoad { get; init; }
}

public sealed record ProblemReport
{
    public long Year { get; init; }

    public string Agency { get; init; } = "";

    public string? RegionCode { get; init; }

    public string? Published { get; init; }

    public bool? Late { get; init; }

    public long ErrorCount { get; init; }

    public long WarningCount { get; init; }
}

public sealed record MissingReport
{
    public string Agency { get; init; } = "";

    public string? RegionCode { get; init; }

    public long LastYear { get; init; }
}

public sealed record FactRows
{
    public long Applications { get; init; }

    public long ReviewLitigation { get; init; }

    public long ActiveDisclosure { get; init; }
}

/// <summary>What supervisors ask first: how much is loaded, who is late or inconsistent, who has not published.</summary>
public sealed class StatusQueries(SqlScripts sql)
{
    public Task<WarehouseCounts> CountsAsync(DbConnection c, int? year, string? region, CancellationToken ct) =>
        c.QuerySingleAsync<WarehouseCounts>(new CommandDefinition(sql.Get("queries/status_counts"), new { Year = year, Region = region }, cancellationToken: ct));

    public async Task<IReadOnlyList<ProblemReport>> ProblemsAsync(DbConnection c, int? year, string? region, int limit, CancellationToken ct) =>
        (await c.QueryAsync<ProblemReport>(new CommandDefinition(sql.Get("queries/status_problem_reports"), new { Year = year, Region = region, Limit = limit }, cancellationToken: ct))).ToList();

    public async Task<IReadOnlyList<MissingReport>> MissingAsync(DbConnection c, int year, string? region, int limit, CancellationToken ct) =>
        (await c.QueryAsync<MissingReport>(new CommandDefinition(sql.Get("queries/status_missing_reports"), new { Year = year, Region = region, Limit = limit }, cancellationToken: ct))).ToList();

    public Task<FactRows> FactRowsAsync(DbConnection c, CancellationToken ct) =>
        c.QuerySingleAsync<FactRows>(new CommandDefinition(sql.Get("queries/fact_rows"), cancellationToken: ct));

    public Task<int?> LatestYearAsync(DbConnection c, CancellationToken ct) =>
        c.ExecuteScalarAsync<int?>(new CommandDefinition(sql.Get("queries/latest_year"), cancellationToken: ct));
}
