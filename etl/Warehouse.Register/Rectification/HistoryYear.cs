namespace Warehouse.Register.Rectification;

/// <summary>The agency's register entry of a year (v_register).</summary>
public sealed record HistoryYear
{
    public long Year { get; init; }

    public string Agency { get; init; } = "";

    public string? RegionCode { get; init; }

    public string? Region { get; init; }

    public long? ReportKey { get; init; }

    public string? ReportedAs { get; init; }

    public string Deadline { get; init; } = "";

    public string? FilingDate { get; init; }

    public string StatusLabel { get; init; } = "";

    public long? DaysLate { get; init; }

    public long? MissingRun { get; init; }
}
