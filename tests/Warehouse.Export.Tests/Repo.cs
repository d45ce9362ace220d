namespace Warehouse.Export.Tests;

internal static class Repo
{
    /// <summary>The clone's root (where Warehouse.sln is): the dashboards are read from its dashboards/ folder.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Warehouse.sln"))) return d.FullName;
        }

        throw new InvalidOperationException("Warehouse.sln not found above the test binaries.");
    }
}
