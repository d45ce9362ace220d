namespace Warehouse.Register.Rectification;

/// <summary>One change of state of a 整改 item (rectification_event).</summary>
public sealed record ItemEvent
{
    public long ItemKey { get; init; }

    /// <summary>pending (opened), notified, in_progress or closed.</summary>
    public string State { get; init; } = "";

    public string At { get; init; } = "";

    public string? Note { get; init; }
}
