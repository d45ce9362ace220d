namespace Warehouse.Register.Assessment;

/// <summary>
/// One agency of the roster in one year as the register shows it (register_entry), with the group
/// it is ranked in: the agencies whose regions are of the same level under the same parent region
/// (the county-level agencies of one city, the city-level agencies of one province, a province's own).
/// </summary>
public sealed record AssessedEntry
{
    public long EntityKey { get; init; }

    public int Year { get; init; }

    public string Agency { get; init; } = "";

    public string Status { get; init; } = "missing";

    public int? DaysLate { get; init; }

    public string Deadline { get; init; } = "";

    public long? ReportKey { get; init; }

    /// <summary>The rank group's key: the region level and the parent region's code.</summary>
    public string RankGroupCode { get; init; } = "";

    /// <summary>The rank group in words, e.g. 赣州市·县级.</summary>
    public string RankGroup { get; init; } = "";
}

/// <summary>A problem of the register (register_problem): its kind and its Chinese sentence.</summary>
public sealed record AssessedProblem
{
    public long EntityKey { get; init; }

    public string Kind { get; init; } = "";

    public string ProblemKey { get; init; } = "";

    public string Detail { get; init; } = "";
}

/// <summary>The 结果纠正 cases of one proceeding in an agency's report (table 四): review, litigation_direct or litigation_after_review.</summary>
public sealed record Correction
{
    public long EntityKey { get; init; }

    public string Proceeding { get; init; } = "";

    public long Count { get; init; }

    public string ProceedingLabel => Proceeding switch
    {
        "review" => "行政复议",
        "litigation_direct" => "行政诉讼（未经复议直接起诉）",
        "litigation_after_review" => "行政诉讼（复议后起诉）",
        _ => Proceeding,
    };
}

/// <summary>One deduction of an agency's score, in order, with the reason a supervisor reads.</summary>
public sealed record Deduction(long EntityKey, int Seq, string Kind, decimal Points, string Reason);

/// <summary>An agency's score for the year: deducted (before the floor), the score (null: not scored), its rank in its group, and why.</summary>
public sealed record AgencyScore(
    AssessedEntry Entry,
    decimal Deducted,
    decimal? Score,
    string? ScoreNote,
    int? Rank,
    int? Ranked,
    string? RankNote,
    IReadOnlyList<Deduction> Deductions);
