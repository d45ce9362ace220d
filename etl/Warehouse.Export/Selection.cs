using System.Globalization;
using Warehouse.Core;
using Warehouse.Core.Regions;
using Warehouse.Export.Dashboards;

namespace Warehouse.Export;

/// <summary>What a user asked for on the command line; unset parts take the dashboard's defaults.</summary>
/// <param name="Balanced">Only the agencies with a report in every year chosen (a balanced panel; <c>--balanced</c>).</param>
public sealed record SelectionRequest(int? FirstYear = null, int? LastYear = null, string? Region = null, string? Level = null, string? AgencyType = null, bool Balanced = false);

/// <summary>
/// The filters an export applies, resolved and checked: the years (null when the warehouse
/// holds no report yet), the region, the level of the rows shown, the agency type, and whether
/// only agencies that reported in every year are counted (a balanced panel).
/// </summary>
public sealed record Selection(int? FirstYear, int? LastYear, Region? Region, string Level, string? AgencyType, bool Balanced = false)
{
    public static readonly string[] Levels = ["province", "city", "county"];

    /// <summary>The agency types of <c>v_agency</c>.</summary>
    public static readonly IReadOnlyList<string> AgencyTypes = ["人民政府", "政府办公室", "政府部门", "乡镇街道"];

    public static string LevelName(string level) => level switch
    {
        "province" => "省级",
        "city" => "市级",
        _ => "县级",
    };

    public static string LevelOf(Region r) => r.Level switch
    {
        RegionLevel.Province => "province",
        RegionLevel.City => "city",
        _ => "county",
    };

    public string YearsText => FirstYear is null ? "—（尚无报告）" : FirstYear == LastYear ? $"{FirstYear}" : $"{FirstYear}–{LastYear}";

    public string RegionText => Region is null ? "全部" : $"{Region.Name}（{Region.Code}）";

    /// <summary>Checks a request against what the dashboard accepts and the division list, and fills the defaults.</summary>
    /// <exception cref="SelectionException">A filter the dashboard does not take, an unknown region, level or agency type.</exception>
    public static Selection Resolve(Dashboard d, SelectionRequest request, int? firstLoaded, int? lastLoaded)
    {
        var f = d.Filters;
        if (request.Region is not null && !f.Region) throw new SelectionException($"dashboard {d.Name} does not filter by region");
        if (request.Level is not null && !f.Level) throw new SelectionException($"dashboard {d.Name} does not choose a level");
        if (request.AgencyType is not null && !f.AgencyType) throw new SelectionException($"dashboard {d.Name} does not filter by agency type");
        if (f.SingleYear && request.FirstYear != request.LastYear) throw new SelectionException($"dashboard {d.Name} shows one year: give --year, not a range");
        if (request.Balanced && !f.Balanced) throw new SelectionException($"dashboard {d.Name} cannot be limited to agencies that reported every year (--balanced is for dashboards with filters: balanced: true, such as year-comparison)");

        Region? region = null;
        if (request.Region is { } code)
        {
            region = DivisionList.Default.Find(code.Trim())
                ?? throw new SelectionException($"--region {code} is not a region code of the national division list (2 digits for a province, 4 for a city, 6 for a county: 36 = 江西省, 3607 = 赣州市)");
        }

        var level = request.Level ?? (region is null ? "province" : LevelOf(region) switch { "province" => "city", _ => "county" });
        if (!Levels.Contains(level)) throw new SelectionException($"--level {level} should be province, city or county");
        if (region is not null && Array.IndexOf(Levels, level) < Array.IndexOf(Levels, LevelOf(region)))
        {
            throw new SelectionException($"--level {level} is above the region {region.Name} ({LevelName(LevelOf(region))}); choose {LevelOf(region)} or below");
        }

        if (request.AgencyType is { } type && !AgencyTypes.Contains(type))
        {
            throw new SelectionException($"--agency-type {type} is not an agency type; the types are {string.Join(", ", AgencyTypes)}");
        }

        var (first, last) = (request.FirstYear, request.LastYear);
        if (first is null && lastLoaded is { } latest)
        {
            (first, last) = f.Years.Kind switch
            {
                "all" => (firstLoaded ?? latest, latest),
                "last" => (Math.Max(firstLoaded ?? latest, latest - f.Years.Count + 1), latest),
                _ => (latest, latest),
            };
        }

        return new Selection(first, last, region, level, request.AgencyType, request.Balanced);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{YearsText} {RegionText} {Level} {AgencyType ?? "all"}{(Balanced ? " balanced" : "")}");
}

/// <summary>A filter that cannot be applied; its message is for the user.</summary>
public sealed class SelectionException(string message) : UserFacingException(message);
