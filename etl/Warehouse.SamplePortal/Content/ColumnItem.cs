namespace Warehouse.SamplePortal.Content;

internal enum ItemKind
{
    /// <summary>A corpus report.</summary>
    Report,

    /// <summary>Another article of the column (a notice, a plan): a real column is never only reports.</summary>
    Notice,

    /// <summary>A link into /redirect/loop.</summary>
    Loop,

    /// <summary>A /go?id= link that redirects to a report listed elsewhere in the column.</summary>
    GoToReport,

    /// <summary>A /go?id= link that redirects to another host.</summary>
    GoOffHost,
}

/// <summary>One item of a site's annual-report column, before a CMS style turns it into URLs and pages.</summary>
/// <param name="Seq">Its place in posting order (0 = oldest): CMS ids grow with it.</param>
/// <param name="Jitter">A stable number in [0, 1), so that ids are not evenly spaced.</param>
/// <param name="Target">For <see cref="ItemKind.GoToReport"/>: the report item it leads to.</param>
internal sealed record ColumnItem(ItemKind Kind, string Title, DateOnly Posted, int Seq, double Jitter, CorpusReport? Report = null, ColumnItem? Target = null);

/// <summary>What one site publishes, in a style-free form.</summary>
/// <param name="Items">Newest first, as the column lists them.</param>
/// <param name="Trap">The /private/ item every list page carries, which robots.txt disallows.</param>
internal sealed record SitePlan(int Index, string Name, string RegionCode, CmsStyle Cms, IReadOnlyList<ColumnItem> Items, ColumnItem Trap, int Seed);
