using Warehouse.Core;

namespace Warehouse.Parsing.Regions;

/// <summary>The result of resolving an agency name to a region: a code, or null with the reason.</summary>
public sealed record RegionMatch(string? Code, Finding? Finding);

/// <summary>
/// Finds the region an agency belongs to from its name: "赣县区商务局" → 赣县区 360704.
/// The longest name wins at the earliest position ("石渠县" over its tail "渠县"); a name
/// repeated across provinces ("朝阳区") is decided by the region hint of the portal, then by
/// the names of its city and province elsewhere in the report.
/// </summary>
public sealed class RegionResolver
{
    private readonly DivisionList _divisions;
    private readonly Dictionary<char, List<(string Name, List<Region> Regions)>> _byFirstChar = [];

    public RegionResolver(DivisionList divisions)
    {
        _divisions = divisions;
        var byName = new Dictionary<string, List<Region>>();
        foreach (var region in divisions.Regions) Add(byName, region.Name, region);
        foreach (var (name, code) in divisions.Aliases)
        {
            var target = divisions.Find(code) ?? throw new InvalidOperationException($"Alias '{name}' points at unknown region code {code}.");
            Add(byName, name, target);
        }

        foreach (var (name, regions) in byName)
        {
            if (!_byFirstChar.TryGetValue(name[0], out var list)) _byFirstChar[name[0]] = list = [];
            list.Add((name, regions));
        }

        foreach (var list in _byFirstChar.Values) list.Sort((a, b) => b.Name.Length.CompareTo(a.Name.Length));
    }

    public static RegionResolver Default { get; } = new(DivisionList.Default);

    public RegionMatch Resolve(string agency, string? hint, string? documentText)
    {
        var name = agency.Trim();
        for (var start = 0; start < name.Length; start++)
        {
            var match = LongestAt(name, start);
            if (match is null) continue;

            var candidates = match.Value.Regions;
            var end = start + match.Value.Name.Length;

            // "江西省赣州市赣县区商务局": go down while the next name is a child of the one before.
            while (LongestAt(name, end) is { } next)
            {
                var children = next.Regions.Where(r => candidates.Any(c => IsAncestor(c.Code, r))).ToList();
                if (children.Count == 0) break;
                candidates = children;
                end += next.Name.Length;
            }

            return Decide(agency, candidates.Distinct().ToList(), hint, documentText);
        }

        return new RegionMatch(null, new Finding("region_unresolved", Severity.Warning,
            $"No region of the national division list or the alias table is named in '{agency}'."));
    }

    private RegionMatch Decide(string agency, List<Region> candidates, string? hint, string? documentText)
    {
        if (candidates.Count == 1) return new RegionMatch(candidates[0].Code, null);

        if (!string.IsNullOrEmpty(hint))
        {
            var hinted = candidates.Where(c => c.Code.StartsWith(hint, StringComparison.Ordinal) || hint.StartsWith(c.Code, StringComparison.Ordinal)).ToList();
            if (hinted.Count == 1) return new RegionMatch(hinted[0].Code, null);
        }

        if (!string.IsNullOrEmpty(documentText))
        {
            var scored = candidates
                .Select(c => (Region: c, Score: _divisions.Lineage(c.Code).Skip(1).Sum(a => Occurrences(documentText, a.Name))))
                .OrderByDescending(s => s.Score)
                .ToList();
            if (scored[0].Score > 0 && scored[0].Score > scored[1].Score) return new RegionMatch(scored[0].Region.Code, null);
        }

        var names = string.Join("、", candidates.Select(c => $"{string.Join("", _divisions.Lineage(c.Code).Reverse().Select(r => r.Name))} {c.Code}"));
        return new RegionMatch(null, new Finding("region_ambiguous", Severity.Warning,
            $"'{agency}' names a region that exists more than once ({names}); give --region-hint to choose."));
    }

    private (string Name, List<Region> Regions)? LongestAt(string text, int start)
    {
        if (start >= text.Length || !_byFirstChar.TryGetValue(text[start], out var list)) return null;
        foreach (var entry in list)
        {
            if (string.CompareOrdinal(text, start, entry.Name, 0, entry.Name.Length) == 0 && start + entry.Name.Length <= text.Length)
            {
                return entry;
            }
        }

        return null;
    }

    private bool IsAncestor(string ancestorCode, Region region) =>
        _divisions.Lineage(region.Code).Skip(1).Any(a => a.Code == ancestorCode);

    private static int Occurrences(string text, string name)
    {
        var count = 0;
        for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + name.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static void Add(Dictionary<string, List<Region>> byName, string name, Region region)
    {
        if (!byName.TryGetValue(name, out var list)) byName[name] = list = [];
        if (!list.Contains(region)) list.Add(region);
    }
}
