using Warehouse.Catalogue;

namespace Warehouse.Export.Dashboards;

/// <summary>A mistake in a dashboard file, at its line.</summary>
public sealed record DashboardProblem(string File, int Line, string Message) : DefinitionProblem(File, Line, Message);
