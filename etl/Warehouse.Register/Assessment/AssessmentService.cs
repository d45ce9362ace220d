using Dapper;
using Warehouse.Core;
using Warehouse.Data;

namespace Warehouse.Register.Assessment;

/// <summary>What an assessment did: the agencies scored, those not scored (not due), the deductions listed.</summary>
public sealed record AssessmentSummary(int Year, string Scheme, int Scored, int NotScored, int Deductions, IReadOnlyList<AgencyScore> Scores);

/// <summary>A year cannot be assessed (no roster, no register entry for the year): the sentence to give, Chinese first.</summary>
public sealed class AssessmentException(string message) : UserFacingException(message);

/// <summary>
/// 考核: scores a year of the register (register_entry, register_problem, table 四's corrections)
/// with a scheme (<see cref="AssessmentScorer"/>) and keeps the result in assessment_score and
/// assessment_deduction, replacing the year's rows in one transaction, for the 考核评分 workbook.
/// </summary>
public sealed class AssessmentService(WarehouseDatabase database, TimeProvider time)
{
    public async Task<AssessmentSummary> AssessAsync(AssessmentScheme scheme, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        await using var c = await database.OpenAsync(ct);
        var sql = database.Sql;

        // The register is refreshed first: 未到期限 turns 未发布 with the day, and a scheme must score today's register.
        await new RegisterService(database, time).RefreshAsync(c, ct);
        var args = new { Year = year };
        var entries = (await c.QueryAsync<AssessedEntry>(new CommandDefinition(sql.Get("queries/assessment_entries"), args, cancellationToken: ct))).ToList();
        if (entries.Count == 0)
        {
            var rostered = await c.ExecuteScalarAsync<long?>(new CommandDefinition(sql.Get("queries/roster_latest_year"), cancellationToken: ct));
            throw new AssessmentException(rostered is null
                ? "还没有应报名单，无法考核：请先导入（./warehouse roster import 名单.xlsx --year 年度）。There is no roster to assess against."
                : $"{year} 年度不在应报名单的年度内，无法考核（名单自哪一年起适用见 ./warehouse roster import --year）。The roster has no agency for {year}.");
        }

        var problems = (await c.QueryAsync<AssessedProblem>(new CommandDefinition(sql.Get("queries/assessment_problems"), args, cancellationToken: ct))).ToList();
        var corrections = (await c.QueryAsync<Correction>(new CommandDefinition(sql.Get("queries/assessment_corrections"), args, cancellationToken: ct))).ToList();
        var scores = AssessmentScorer.Score(scheme, entries, problems, corrections);

        var at = time.GetUtcNow().UtcDateTime;
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(sql.Get("queries/assessment_clear"), args, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(sql.Get("queries/assessment_insert_score"), scores.Select(s => new
        {
            Year = year, s.Entry.EntityKey, Scheme = scheme.Name, SchemeTitle = scheme.Title, s.Entry.RankGroupCode, s.Entry.RankGroup,
            BaseScore = scheme.Base, s.Deducted, s.Score, s.ScoreNote, s.Rank, s.Ranked, s.RankNote, AssessedAt = at,
        }), tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(sql.Get("queries/assessment_insert_deduction"), scores.SelectMany(s => s.Deductions).Select(d => new
        {
            Year = year, d.EntityKey, d.Seq, d.Kind, d.Points, d.Reason,
        }), tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new AssessmentSummary(year, scheme.Name, scores.Count(s => s.Score is not null), scores.Count(s => s.Score is null), scores.Sum(s => s.Deductions.Count), scores);
    }
}
