namespace Warehouse.Register.Rectification;

/// <summary>A problem the register shows now for one of the agency's years.</summary>
public sealed record HistoryProblem
{
    public long Year { get; init; }

    public string KindLabel { get; init; } = "";

    public string Detail { get; init; } = "";

    public long? ItemKey { get; init; }

    public string? ItemStateLabel { get; init; }
}
