namespace Warehouse.Register.Rectification;

/// <summary>A report loaded for the agency, current or superseded.</summary>
public sealed record HistoryReport
{
    public long ReportKey { get; init; }

    public long Year { get; init; }

    public string Agency { get; init; } = "";

    public bool IsCurrent { get; init; }

    public string? Published { get; init; }

    public string LoadedAt { get; init; } = "";

    public long? SupersededBy { get; init; }

    public string? SourceUrl { get; init; }
}
