namespace Warehouse.Core;

/// <summary>
/// Counts that section 一 (总体情况) states in prose, for rule 8 to hold against the tables:
/// "收到政府信息公开申请12件", "办结10件", "行政复议1起". Null where the prose says nothing.
/// </summary>
public sealed record StatedFigures(int? ApplicationsReceived, int? ApplicationsDecided, int? Reviews, int? Lawsuits)
{
    public static StatedFigures None { get; } = new(null, null, null, null);
}
