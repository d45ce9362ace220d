namespace Warehouse.Bench;

/// <summary><c>bench parse</c>: a corpus of <paramref name="Count"/> reports over the layouts, each layout parsed for <paramref name="Seconds"/>.</summary>
public sealed record ParseBenchOptions(int Count, double Seconds, IReadOnlyList<string> Layouts);
