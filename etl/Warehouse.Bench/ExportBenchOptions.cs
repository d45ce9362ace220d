using Warehouse.Export.Dashboards;

namespace Warehouse.Bench;

/// <summary><c>bench export</c>: the <paramref name="Dashboards"/> exported from a warehouse of <paramref name="Agencies"/> agencies × <paramref name="Years"/> years.</summary>
public sealed record ExportBenchOptions(int Agencies, int Years, IReadOnlyList<Dashboard> Dashboards);
