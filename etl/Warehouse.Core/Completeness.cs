namespace Warehouse.Core;

/// <summary>What rule 9 looks at: sections and tables absent, and tables present but left blank.</summary>
public sealed record Completeness(
    IReadOnlyList<string> MissingSections,
    IReadOnlyList<string> MissingTables,
    IReadOnlyList<string> BlankTables)
{
    /// <summary>
    /// Of <see cref="MissingSections"/>, those whose words head a section under another number (a report that numbers
    /// the template's sections its own way: "一、主动公开政府信息情况" after parts of its own): the template's heading and
    /// the heading as printed.
    /// </summary>
    public IReadOnlyDictionary<string, string> Renumbered { get; init; } = new Dictionary<string, string>();

    public static Completeness Complete { get; } = new([], [], []);
}
