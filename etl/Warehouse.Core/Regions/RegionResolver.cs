namespace Warehouse.Core.Regions;

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

    public RegionMatch Resolve(string agency, string? hint, string? documentText) => Resolve(agency, hint, () => documentText);

    /// <param name="documentText">The report's text, asked for only when a county name is ambiguous.</param>
    public RegionMatch Resolve(string agency, string? hint, Func<string?> documentText)
    {
        var name = agency.Trim();
        foreach (var start in Starts(name))
        {
            var match = LongestAt(name, start);
            if (match is null || (start > 0 && !KnownPrefixes.Any(p => start == p.Length && name.StartsWith(p, StringComparison.Ordinal)) && match.Value.Name.Length < 3)) continue;

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
            $"机关名称「{agency}」中没有全国行政区划或别名表中的地区名（地区未识别）。No region of the national division list or the alias table is named in '{agency}'."));
    }

    // Party and vertical bodies put their own name before the region: "中共上犹县委办公室".
    private static readonly string[] KnownPrefixes = ["中国共产党", "中共", "共青团", "国家税务总局", "中国人民政治协商会议", "政协", "中华人民共和国"];

    private static IEnumerable<int> Starts(string name)
    {
        yield return 0;
        foreach (var prefix in KnownPrefixes.Where(p => name.StartsWith(p, StringComparison.Ordinal))) yield return prefix.Length;

        // Elsewhere in the name only a name of three characters or more counts, so that a
        // department's own words ("南部", "城区") are not taken for a region.
        for (var i = 1; i < name.Length; i++) yield return i;
    }

    private RegionMatch Decide(string agency, List<Region> candidates, string? hint, Func<string?> documentTextSource)
    {
        if (candidates.Count == 1) return new RegionMatch(candidates[0].Code, null);

        if (!string.IsNullOrEmpty(hint))
        {
            var hinted = candidates.Where(c => c.Code.StartsWith(hint, StringComparison.Ordinal) || hint.StartsWith(c.Code, StringComparison.Ordinal)).ToList();
            if (hinted.Count == 1) return new RegionMatch(hinted[0].Code, null);
        }

        if (documentTextSource() is { Length: > 0 } documentText)
        {
            var scored = candidates
                .Select(c => (Region: c, Score: _divisions.Lineage(c.Code).Skip(1).Sum(a => Occurrences(documentText, a.Name))))
                .OrderByDescending(s => s.Score)
                .ToList();
            if (scored[0].Score > 0 && scored[0].Score > scored[1].Score) return new RegionMatch(scored[0].Region.Code, null);
        }

        var names = string.Join("、", candidates.Select(c => $"{string.Join("", _divisions.Lineage(c.Code).Reverse().Select(r => r.Name))} {c.Code}"));
        return new RegionMatch(null, new Finding("region_ambiguous", Severity.Warning,
            $"机关名称「{agency}」中的地区名不止一处（{names}），无法确定（地区有歧义）：请用 --region-hint 指定。'{agency}' names a region that exists more than once ({names}); give --region-hint to choose."));
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
