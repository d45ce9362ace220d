namespace Warehouse.Core.Regions;

public enum RegionLevel
{
    Province = 1,
    City = 2,
    County = 3,
}

/// <summary>One entry of the national division list (or an alias of the project's).</summary>
public sealed record Region(string Code, string Name, RegionLevel Level, string? ParentCode);
