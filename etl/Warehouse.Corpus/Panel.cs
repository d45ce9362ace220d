namespace Warehouse.Corpus;

/// <summary>
/// Reports of the same agencies year after year, as a province's warehouse holds them:
/// <c>Count / Years</c> agencies, each reporting every year from <paramref name="FirstYear"/>.
/// </summary>
public sealed record Panel(int FirstYear, int Years);
