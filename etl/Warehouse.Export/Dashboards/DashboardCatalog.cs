using Warehouse.Catalogue;

namespace Warehouse.Export.Dashboards;

/// <summary>The dashboards of a folder of YAML files (<c>dashboards/</c> by default, or <c>WAREHOUSE_DASHBOARDS</c>).</summary>
public sealed class DashboardCatalog : DefinitionCatalog<Dashboard, DashboardProblem>
{
    public const string DefaultFolder = "dashboards";

    /// <summary>The standard set that <c>export --all</c> writes, in this order.</summary>
    public static readonly IReadOnlyList<string> Standard = ["region-comparison", "year-comparison", "filing-status", "disposal-results", "notice", "rectification"];

    private DashboardCatalog(string folder)
        : base(folder, ReadFolder(folder, ReadWorkbook, new DashboardProblem(folder, 0, "no such folder of dashboard files")))
    {
    }

    /// <summary>A scoring scheme beside the workbooks (<see cref="DefinitionFiles.IsScheme"/>) is not a workbook: left out, without a problem.</summary>
    private static (Dashboard? Dashboard, IReadOnlyList<DashboardProblem> Problems) ReadWorkbook(string file) =>
        DefinitionFiles.IsScheme(file) ? (null, []) : DashboardReader.Read(file);

    /// <summary>The dashboards read without a mistake of form; see <see cref="DefinitionCatalog{TDefinition, TProblem}.Problems"/> for the others.</summary>
    public IReadOnlyList<Dashboard> Dashboards => Definitions;

    public static DashboardCatalog Load(string folder) => new(folder);

    /// <summary>The name nearest to a mistyped one, if any is near.</summary>
    public static string? Nearest(string name, IEnumerable<string> names) => YamlDefinition.Nearest(name, names);

    public Dashboard? Find(string name) => Dashboards.FirstOrDefault(d => d.Name == name);
}
