using System.Reflection;

namespace Warehouse.Core.Regions;

/// <summary>The national division list shipped in Warehouse.Core (china-division 2.7.0, codes of 2023).</summary>
public sealed class DivisionList
{
    // Rows that group counties under a province without being a region of their own.
    private static readonly HashSet<string> Placeholders = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"];

    private static readonly Lazy<DivisionList> Shipped = new(() => Load(typeof(DivisionList).Assembly));

    private readonly Dictionary<string, Region> _byCode;

    private DivisionList(IReadOnlyList<Region> regions, IReadOnlyList<(string Name, string Code)> aliases)
    {
        Regions = regions;
        Aliases = aliases;
        _byCode = regions.ToDictionary(r => r.Code);
    }

    public static DivisionList Default => Shipped.Value;

    public IReadOnlyList<Region> Regions { get; }

    public IReadOnlyList<(string Name, string Code)> Aliases { get; }

    public Region? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The region and its ancestors, the region first.</summary>
    public IEnumerable<Region> Lineage(string code)
    {
        for (var r = Find(code); r is not null; r = r.ParentCode is null ? null : Find(r.ParentCode))
        {
            yield return r;
        }
    }

    public static DivisionList Load(Assembly assembly)
    {
        var regions = new List<Region>();
        foreach (var row in ReadCsv(assembly, "provinces.csv"))
        {
            regions.Add(new Region(row[0], row[1], RegionLevel.Province, null));
        }

        foreach (var row in ReadCsv(assembly, "cities.csv"))
        {
            if (!Placeholders.Contains(row[1])) regions.Add(new Region(row[0], row[1], RegionLevel.City, row[2]));
        }

        var cityCodes = regions.Where(r => r.Level == RegionLevel.City).Select(r => r.Code).ToHashSet();
        foreach (var row in ReadCsv(assembly, "areas.csv"))
        {
            // Counties under a placeholder row (省直辖县级行政区划, 市辖区) hang directly from the province.
            var parent = cityCodes.Contains(row[2]) ? row[2] : row[3];
            regions.Add(new Region(row[0], row[1], RegionLevel.County, parent));
        }

        var aliases = ReadCsv(assembly, "aliases.csv").Select(r => (r[0], r[1])).ToList();
        return new DivisionList(regions, aliases);
    }

    private static IEnumerable<string[]> ReadCsv(Assembly assembly, string file)
    {
        var name = $"Regions/{file}";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Division data '{name}' is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            yield return line.Split(',').Select(f => f.Trim().Trim('"')).ToArray();
        }
    }
}
