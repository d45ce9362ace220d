namespace Warehouse.Parsing.Documents;

/// <summary>A report reduced to paragraphs and table rows: what every layout reader produces.</summary>
public sealed record ReportDocument(IReadOnlyList<Block> Blocks, string Layout);
