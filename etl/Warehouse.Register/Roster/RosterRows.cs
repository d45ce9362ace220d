namespace Warehouse.Register.Roster;

/// <summary>
/// A roster_entry version as the queries read it (roster_open_entries, register_roster_entries):
/// the entity, its name and folded name, region and kind, the years it is valid, and the entity's
/// 统一社会信用代码 where the query gives it.
/// </summary>
internal sealed record RosterEntryRow
{
    public long EntryKey { get; init; }

    public long EntityKey { get; init; }

    public string Name { get; init; } = "";

    public string NameKey { get; init; } = "";

    public string? RegionCode { get; init; }

    public string? AgencyType { get; init; }

    public long ValidFromYear { get; init; }

    /// <summary>The last year valid; null while it still is.</summary>
    public long? ValidToYear { get; init; }

    public string? Uscc { get; init; }

    public RosterAgency ToAgency() => new(EntityKey, Name, RegionCode, AgencyType);
}

/// <summary>One other name of an entity (roster_aliases), folded as <see cref="RosterEntryRow.NameKey"/>.</summary>
internal sealed record RosterAliasRow
{
    public long EntityKey { get; init; }

    public string AliasKey { get; init; } = "";

    public string Alias { get; init; } = "";
}
