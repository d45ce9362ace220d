namespace Warehouse.Corpus;

/// <param name="Layouts">Report i is written in layout <c>Layouts[i % Layouts.Count]</c>.</param>
/// <param name="InconsistentShare">Share of reports with one cell changed on purpose, so that a rule breaks.</param>
/// <param name="Panel">When set, the reports are the same agencies year after year (see <see cref="Corpus.Panel"/>), not one random agency and year each.</param>
public sealed record CorpusOptions(int Count, int Seed, IReadOnlyList<string> Layouts, double InconsistentShare = 0.15, Panel? Panel = null);
