using Warehouse.Core;

namespace Warehouse.Corpus;

/// <summary>How section 一 states the items published: as the year's total, only per category, or vaguely.</summary>
public enum ItemsStatement
{
    Total,
    PerCategory,
    Vague,
}

/// <summary>A generated report: its true values, what was broken on purpose, and the prose choices the renderers share.</summary>
/// <param name="Report">The values exactly as the rendered document states them (injected changes included).</param>
/// <param name="Injected">The findings the validator must report for the cell changed on purpose; empty when consistent.</param>
/// <param name="Items">How the items published are stated; <see cref="Report.ItemsPublished"/> is set only for <see cref="ItemsStatement.Total"/>.</param>
/// <param name="ItemsFigure">The figure the prose uses (the total, or the vague figure).</param>
/// <param name="Categories">Per-category item counts the prose lists.</param>
public sealed record GeneratedReport(
    int Index,
    Report Report,
    IReadOnlyList<Finding> Injected,
    ItemsStatement Items,
    int ItemsFigure,
    IReadOnlyList<(string Name, int Count)> Categories,
    int QuirkSeed);
