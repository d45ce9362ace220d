namespace Warehouse.SamplePortal.Content;

/// <summary>A corpus entry a site can publish, with what its title needs from the expected JSON.</summary>
/// <param name="Posted">发布时间 when the document states one (TRS pages do), else null.</param>
internal sealed record CorpusReport(int Index, string Layout, string FilePath, string ExpectedPath, string Agency, int Year, byte[] Bytes, DateOnly? Posted);
