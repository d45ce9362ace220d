namespace Warehouse.Corpus;

/// <param name="Layouts">Report i is written in layout <c>Layouts[i % Layouts.Count]</c>.</param>
/// <param name="InconsistentShare">Share of reports with one cell changed on purpose, so that a rule breaks.</param>
public sealed record CorpusOptions(int Count, int Seed, IReadOnlyList<string> Layouts, double InconsistentShare = 0.15);
