namespace Warehouse.Core;

/// <summary>One annual disclosure report, as read from one document.</summary>
/// <param name="RegionCode">GB/T 2260 code at the level the agency belongs to (2, 4 or 6 digits), or null when unresolved.</param>
/// <param name="Published">The closing date (落款) of the report, when it states one.</param>
/// <param name="ItemsPublished">Items published in the year, only when the report states it as the year's total.</param>
/// <param name="Derived">Cell paths as <see cref="CellRef"/> writes them (e.g. <c>applications.carried_forward.6</c>), recovered by a consistency rule, not read.</param>
/// <param name="Stated">Counts the prose of section 一 states, for rule 8.</param>
/// <param name="Completeness">Sections and tables missing or blank, for rule 9.</param>
public sealed record Report(
    string Agency,
    string? RegionCode,
    int Year,
    Template Template,
    DateOnly? Published,
    int? ItemsPublished,
    ActiveDisclosure ActiveDisclosure,
    ApplicationTable Applications,
    ReviewLitigation ReviewLitigation,
    IReadOnlyList<string> Derived,
    StatedFigures Stated,
    Completeness Completeness)
{
    /// <summary>
    /// Cell paths (as <see cref="Derived"/>) left null because the document's digits run together
    /// and the template's arithmetic leaves more than one reading; each has an error finding.
    /// </summary>
    public IReadOnlyList<string> Ambiguous { get; init; } = [];
}
