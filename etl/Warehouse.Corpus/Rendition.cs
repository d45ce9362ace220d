using Warehouse.Core;
using Warehouse.Corpus.Rendering;

namespace Warehouse.Corpus;

/// <summary>A generated report rendered in one layout, with what a correct parser reads from it.</summary>
/// <param name="Bytes">The document (for the PDF-based layouts, the DOCX they are made from).</param>
/// <param name="Expected">The values the document states: the report's own, but where a quirk hides them.</param>
/// <param name="Findings">The error findings a parser and validator must give, by rule, row and column.</param>
/// <param name="Quirks">What this rendering does differently from the template.</param>
/// <param name="Source">The report as the document prints it: the generated one, or for a text-stream report built to be ambiguous, the one built.</param>
public sealed record Rendition(byte[] Bytes, Report Expected, IReadOnlyList<Finding> Findings, Quirks Quirks, GeneratedReport Source);
