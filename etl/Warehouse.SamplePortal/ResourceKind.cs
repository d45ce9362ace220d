namespace Warehouse.SamplePortal;

/// <summary>What a URL serves, which decides the faults it may carry (<see cref="FaultPlan"/>).</summary>
public enum ResourceKind
{
    /// <summary>A page of the annual-report column: transient faults only, so the column can always be read in the end.</summary>
    ListPage,

    /// <summary>An article page: transient faults, or 404 for good.</summary>
    Article,

    /// <summary>A DOCX or PDF attachment: transient faults, or a wrong Content-Type for good.</summary>
    Attachment,

    /// <summary>robots.txt, the /private/ trap and the redirects: never faulted, so tests of them stay plain.</summary>
    Fixed,
}
