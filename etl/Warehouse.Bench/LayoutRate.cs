namespace Warehouse.Bench;

/// <summary>One layout's parse rate on one thread; <paramref name="Rejected"/> is null for a reference that does not judge.</summary>
public sealed record LayoutRate(string Layout, int Files, double ReportsPerSecond, int? Rejected);
