namespace Warehouse.Corpus;

/// <summary>
/// Reports bound in one file: a county that publishes its departments' reports as one document, a crawler that saves a
/// column's articles into one text. One document in twenty-five of the <c>text-tab</c>, <c>text-cell</c> and
/// <c>markdown</c> layouts (<see cref="Rate"/>) is followed, after a blank line, by another generated report in the same
/// layout, of another agency and often another year. The expected values are the first report's, its date included:
/// read on, the other's signature would date it. Applied when the corpus is written, before the savings that change
/// the bytes' form (<see cref="LineSeparatorSaving"/>, <see cref="InvisibleCharacterSaving"/>, <see cref="Utf16Saving"/>),
/// so that they apply to the whole file.
/// </summary>
public static class BoundSaving
{
    /// <summary>The share of those layouts' documents followed by another report.</summary>
    public const double Rate = 0.04;

    /// <summary>Whether the layout's documents are ever followed by another report.</summary>
    public static bool Applies(string layout) => layout is Layouts.TextTab or Layouts.TextCell or Layouts.Markdown;

    /// <summary>The report bound after report <paramref name="index"/> of a corpus: one of another seed, the same index.</summary>
    public static GeneratedReport Other(int seed, int index, double inconsistentShare) =>
        ReportFactory.Create(unchecked((seed * 7919) + 104729), index, inconsistentShare);

    /// <summary>The UTF-8 document as saved: as it is, or followed by another report, drawn from the report's seed.</summary>
    /// <param name="utf8">The rendered document.</param>
    /// <param name="quirkSeed">The generated report's <see cref="GeneratedReport.QuirkSeed"/>: a stream of its own, so its other draws stay.</param>
    /// <param name="other">Renders the other report in the same layout (UTF-8); called only when the draw binds one.</param>
    public static byte[] Apply(byte[] utf8, int quirkSeed, Func<byte[]> other)
    {
        var rng = new Random(unchecked((quirkSeed * 31) + 37));
        if (rng.NextDouble() >= Rate) return utf8;
        return [.. utf8, .. "\n\n"u8, .. other()];
    }
}
