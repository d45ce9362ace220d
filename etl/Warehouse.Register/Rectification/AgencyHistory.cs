namespace Warehouse.Register.Rectification;

/// <summary>
/// Everything the register holds on one agency of the roster (register history): each year's entry,
/// every report loaded for it (those superseded by a corrected report too), the problems it shows
/// now, and its 整改 items with their events.
/// </summary>
public sealed record AgencyHistory(
    long EntityKey,
    IReadOnlyList<HistoryYear> Years,
    IReadOnlyList<HistoryReport> Reports,
    IReadOnlyList<HistoryProblem> Problems,
    IReadOnlyList<RectificationItem> Items,
    IReadOnlyList<ItemEvent> Events);
