namespace Warehouse.Parsing.Tests;

internal static class Fixtures
{
    public static string Dir(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The source folder of a fixture, so that a mismatch can write x.actual.json beside x.expected.json.</summary>
    public static string SourceDir(string name, [System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Fixtures", name);
}
