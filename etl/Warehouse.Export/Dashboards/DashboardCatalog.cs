namespace Warehouse.Export.Dashboards;

/// <summary>The dashboards of a folder of YAML files (<c>dashboards/</c> by default, or <c>WAREHOUSE_DASHBOARDS</c>).</summary>
public sealed class DashboardCatalog
{
    public const string DefaultFolder = "dashboards";

    /// <summary>The standard set that <c>export --all</c> writes, in this order.</summary>
    public static readonly IReadOnlyList<string> Standard = ["region-comparison", "year-comparison", "filing-status", "disposal-results"];

    private DashboardCatalog(string folder, IReadOnlyList<Dashboard> dashboards, IReadOnlyList<DashboardProblem> problems)
    {
        Folder = folder;
        Dashboards = dashboards;
        Problems = problems;
    }

    public string Folder { get; }

    public IReadOnlyList<Dashboard> Dashboards { get; }

    /// <summary>Mistakes of form in the folder's files; a file with any is left out of <see cref="Dashboards"/>.</summary>
    public IReadOnlyList<DashboardProblem> Problems { get; }

    public static DashboardCatalog Load(string folder)
    {
        if (!Directory.Exists(folder)) return new DashboardCatalog(folder, [], [new DashboardProblem(folder, 0, "no such folder of dashboard files")]);
        var dashboards = new List<Dashboard>();
        var problems = new List<DashboardProblem>();
        foreach (var file in Files(folder))
        {
            var (dashboard, found) = DashboardReader.Read(file);
            problems.AddRange(found);
            if (dashboard is not null) dashboards.Add(dashboard);
        }

        return new DashboardCatalog(folder, dashboards, problems);
    }

    public static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*.yaml", SearchOption.TopDirectoryOnly)
            .Concat(Directory.EnumerateFiles(folder, "*.yml", SearchOption.TopDirectoryOnly))
            .Order(StringComparer.Ordinal);

    /// <summary>The name nearest to a mistyped one, if any is near.</summary>
    public static string? Nearest(string name, IEnumerable<string> names) => YamlNodes.Nearest(name, names);

    public Dashboard? Find(string name) => Dashboards.FirstOrDefault(d => d.Name == name);
}
