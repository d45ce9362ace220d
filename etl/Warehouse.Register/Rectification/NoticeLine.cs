namespace Warehouse.Register.Rectification;

/// <summary>One row of a year's 通报 (v_notice): one problem of one agency on the roster, in the 通报's order.</summary>
public sealed record NoticeLine : AgencyProblem
{
    /// <summary>The row's place in the year's 通报 (1 first); a list within a region renumbers from 1.</summary>
    public long NoticeOrder { get; init; }

    public string? FilingDate { get; init; }

    public long? DaysLate { get; init; }

    public long? ItemKey { get; init; }

    public string? ItemState { get; init; }

    public string? ItemStateLabel { get; init; }
}
