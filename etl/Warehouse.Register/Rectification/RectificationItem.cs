namespace Warehouse.Register.Rectification;

/// <summary>One 整改 item as the 整改台账 lists it (v_rectification): a problem of an agency's year and where its follow-up stands.</summary>
public sealed record RectificationItem : AgencyProblem
{
    /// <summary>The item's number, which register start and close take.</summary>
    public long ItemKey { get; init; }

    /// <summary>pending, notified, in_progress or closed.</summary>
    public string State { get; init; } = "";

    /// <summary>待通报, 已通报, 整改中 or 已整改.</summary>
    public string StateLabel { get; init; } = "";

    public string OpenedOn { get; init; } = "";

    public string? NotifiedOn { get; init; }

    public string? NoticeRef { get; init; }

    public string? StartedOn { get; init; }

    public string? ClosedOn { get; init; }

    public string? ClosedHow { get; init; }

    public string? ClosedHowLabel { get; init; }

    public string? ClosedNote { get; init; }

    public string? ClosedSourceUrl { get; init; }

    /// <summary>"12（赣县区商务局 2023 年度 数据不一致，已通报）": the item as a message names it.</summary>
    public string Name => $"{ItemKey}（{Agency} {Year} 年度 {KindLabel}，{StateLabel}）";
}
