namespace Warehouse.SamplePortal;

/// <summary>
/// A corpus report as a site publishes it. Text-layout entries (text-tab, text-cell) are never
/// served: real portals do not publish .txt files, so they have no ServedReport.
/// </summary>
/// <param name="ArticleUrl">The article page the column lists.</param>
/// <param name="DocumentUrl">The report itself: the article page for HTML layouts, else its attachment.</param>
/// <param name="CorpusIndex">The entry's index in the corpus manifest.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the document bytes served at <paramref name="DocumentUrl"/>.</param>
/// <param name="ExpectedJsonPath">The entry's <c>NNNNN.expected.json</c>: the values a parser must read.</param>
/// <param name="Title">The title the list shows: {agency}{year}年政府信息公开工作年度报告.</param>
/// <param name="Posted">The posting date the list and the URL show.</param>
/// <param name="ArticleFault">The fault the article URL carries (<see cref="FaultKind.None"/> when faults are off).</param>
/// <param name="DocumentFault">The fault the attachment URL carries; the article's for HTML layouts.</param>
public sealed record ServedReport(
    PortalSite Site,
    Uri ArticleUrl,
    Uri DocumentUrl,
    int CorpusIndex,
    string Layout,
    string Sha256,
    string ExpectedJsonPath,
    string Title,
    DateOnly Posted,
    FaultKind ArticleFault,
    FaultKind DocumentFault)
{
    /// <summary>Listed, but its article answers 404 for good (<see cref="FaultOptions.NotFoundShare"/>): no crawler can get it.</summary>
    public bool Gone => ArticleFault == FaultKind.NotFound;
}
