namespace Warehouse.Export.Dashboards;

/// <summary>A mistake in a dashboard file, at its line.</summary>
public sealed record DashboardProblem(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
