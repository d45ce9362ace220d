namespace Warehouse.Core;

/// <summary>
/// Counts that section 一 (总体情况) states in prose, for rule 8 to hold against the tables:
/// "收到政府信息公开申请12件", "办结10件", "行政复议1起", and for table 二 "本年度制发行政规范性文件62件",
/// "现行有效规范性文件440件". Null where the prose says nothing.
/// </summary>
/// <param name="Regulations">The 规章 counts stated (本年制发, 本年废止, 现行有效), each null where none is; null when none is.</param>
/// <param name="NormativeDocuments">The 行政规范性文件 counts stated, as <paramref name="Regulations"/>.</param>
public sealed record StatedFigures(int? ApplicationsReceived, int? ApplicationsDecided, int? Reviews, int? Lawsuits,
    DocumentCounts? Regulations = null, DocumentCounts? NormativeDocuments = null)
{
    public static StatedFigures None { get; } = new(null, null, null, null);
}
