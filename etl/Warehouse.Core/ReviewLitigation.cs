namespace Warehouse.Core;

/// <summary>Table 四: administrative review and litigation about disclosure, 3 proceedings × 5 outcomes.</summary>
public sealed record ReviewLitigation(
    IReadOnlyList<int?> Review,
    IReadOnlyList<int?> LitigationDirect,
    IReadOnlyList<int?> LitigationAfterReview)
{
    public static readonly IReadOnlyList<string> Proceedings = ["review", "litigation_direct", "litigation_after_review"];

    public static readonly IReadOnlyList<string> Outcomes = ["upheld", "corrected", "other", "pending", "total"];

    public static readonly IReadOnlyList<string> OutcomeLabels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    public const int TotalIndex = 4;

    public static ReviewLitigation Empty { get; } = new(Nulls(), Nulls(), Nulls());

    public IReadOnlyList<int?> Get(string proceeding) => proceeding switch
    {
        "review" => Review,
        "litigation_direct" => LitigationDirect,
        "litigation_after_review" => LitigationAfterReview,
        _ => throw new ArgumentException($"Unknown proceeding '{proceeding}'.", nameof(proceeding)),
    };

    /// <summary>The 15 numbers in the order the template prints them.</summary>
    public IEnumerable<int?> Flatten() => Review.Concat(LitigationDirect).Concat(LitigationAfterReview);

    public static ReviewLitigation FromFlat(IReadOnlyList<int?> fifteen) =>
        fifteen.Count == 15
            ? new(fifteen.Take(5).ToArray(), fifteen.Skip(5).Take(5).ToArray(), fifteen.Skip(10).Take(5).ToArray())
            : throw new ArgumentException("The review and litigation table has 15 numbers.", nameof(fifteen));

    private static int?[] Nulls() => new int?[5];
}
