namespace Warehouse.Core;

/// <summary>What rule 9 looks at: sections and tables absent, and tables present but left blank.</summary>
public sealed record Completeness(
    IReadOnlyList<string> MissingSections,
    IReadOnlyList<string> MissingTables,
    IReadOnlyList<string> BlankTables)
{
    public static Completeness Complete { get; } = new([], [], []);
}
