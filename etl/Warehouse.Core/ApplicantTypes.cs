namespace Warehouse.Core;

/// <summary>One column of table 三: the applicant-type dimension.</summary>
/// <param name="Index">0-based position of the column in the table.</param>
/// <param name="Group">natural_person, legal_person (法人或其他组织) or total.</param>
public sealed record ApplicantType(int Index, string Code, string Label, string Group);

public static class ApplicantTypes
{
    public const int Count = 7;
    public const int TotalIndex = 6;

    public static readonly IReadOnlyList<ApplicantType> All =
    [
        new(0, "natural_person", "自然人", "natural_person"),
        new(1, "commercial", "商业企业", "legal_person"),
        new(2, "research", "科研机构", "legal_person"),
        new(3, "social_welfare", "社会公益组织", "legal_person"),
        new(4, "legal_services", "法律服务机构", "legal_person"),
        new(5, "other_org", "其他", "legal_person"),
        new(6, "total", "总计", "total"),
    ];

    public static string CodeAt(int index) => All[index].Code;
}
