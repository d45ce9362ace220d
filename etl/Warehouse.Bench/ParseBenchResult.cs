namespace Warehouse.Bench;

/// <summary>What <c>bench parse</c> measured: a rate per layout, pdftotext's when it ran, the warm-up and the worst run-together case.</summary>
public sealed record ParseBenchResult(
    string Corpus,
    IReadOnlyList<LayoutRate> Layouts,
    LayoutRate? PdftotextReference,
    double WarmUpSeconds,
    bool WarmUpSettled,
    RunTogetherCase WorstRunTogether);
