namespace Warehouse.Register.Assessment;

/// <summary>
/// A scoring scheme for 考核 (<c>dashboards/NAME.scheme.yaml</c>, docs/register.md): each agency
/// starts from <see cref="Base"/> and loses points per problem of the register, kind by kind, each
/// kind up to its cap; the score never falls below <see cref="Floor"/>.
/// </summary>
public sealed record AssessmentScheme(string Name, string File, string Title, string? Description, decimal Base, decimal Floor, IReadOnlyList<DeductionRule> Rules)
{
    /// <summary>The kinds a scheme may score: the register's problem kinds, and 复议/诉讼 corrections (纠错).</summary>
    public static readonly IReadOnlyList<string> Kinds = ["missing", "unreadable", "late", "arithmetic", "resemblance", "completeness", "prose_table", "correction"];

    /// <summary>Each kind in the words a deduction's reason uses.</summary>
    public static string Label(string kind) => kind switch
    {
        "missing" => "未发布",
        "unreadable" => "文件无法读取",
        "late" => "逾期发布",
        "arithmetic" => "数据不一致",
        "resemblance" => "雷同",
        "completeness" => "内容缺项",
        "prose_table" => "文字与表格不符",
        "correction" => "复议诉讼纠错",
        _ => kind,
    };

    public DeductionRule? Rule(string kind) => Rules.FirstOrDefault(r => r.Kind == kind);
}

/// <summary>
/// The points a kind of problem costs: <see cref="Points"/> each, or for lateness
/// <see cref="PerDay"/> per day late or the points of the <see cref="Bands"/> the days fall in;
/// at most <see cref="Cap"/> for the kind in a year (null: no cap).
/// </summary>
public sealed record DeductionRule(string Kind, decimal? Points, decimal? PerDay, IReadOnlyList<LateBand> Bands, decimal? Cap);

/// <summary>Days late from <see cref="From"/> to <see cref="To"/> (null: and more) cost <see cref="Points"/>.</summary>
public sealed record LateBand(int From, int? To, decimal Points)
{
    public string Days => To is { } to ? $"{From}-{to} 天" : $"{From} 天以上";
}
