namespace Warehouse.Core;

/// <summary>Counts of one kind of document under article 20(1): 规章 or 行政规范性文件.</summary>
/// <remarks>The 2019 template has no repealed column, so that value is null there.</remarks>
public sealed record DocumentCounts(int? Issued, int? Repealed, int? InForce)
{
    public static DocumentCounts Unknown { get; } = new(null, null, null);
}

/// <summary>Table 二 (主动公开政府信息情况): the four small tables of article 20.</summary>
/// <param name="Fees10kYuan">行政事业性收费 in 10,000 yuan; the 2019 template states no amount, so null there.</param>
/// <param name="Template2019Columns">The 2019 template's own columns, keyed <c>item.column</c>, kept as printed.</param>
public sealed record ActiveDisclosure(
    DocumentCounts Regulations,
    DocumentCounts NormativeDocuments,
    int? Licensing,
    int? Penalty,
    int? Enforcement,
    decimal? Fees10kYuan,
    IReadOnlyDictionary<string, decimal?>? Template2019Columns = null)
{
    public static ActiveDisclosure Unknown { get; } =
        new(DocumentCounts.Unknown, DocumentCounts.Unknown, null, null, null, null);
}
