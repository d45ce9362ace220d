namespace Warehouse.SamplePortal;

/// <summary>One sample county portal: one port on 127.0.0.1, so one host to a crawler.</summary>
/// <param name="Index">Its place in <see cref="SamplePortal.Sites"/>; faults and item ids depend on it, never on the port.</param>
/// <param name="Name">What users call it, e.g. 赣县区人民政府.</param>
/// <param name="RegionCode">The county's six-digit GB/T 2260 code.</param>
/// <param name="BaseUri">http://127.0.0.1:PORT/</param>
/// <param name="ListUri">The first list page of its annual-report column (政府信息公开年报).</param>
public sealed record PortalSite(int Index, string Name, string RegionCode, CmsStyle Cms, Uri BaseUri, Uri ListUri)
{
    public int Port => BaseUri.Port;
}
