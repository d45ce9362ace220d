namespace Warehouse.Register.Roster;

/// <summary>A roster entry valid in a year as the matcher sees it: its entity, its folded name (as <c>TextKey.Of</c> folds it) and the entry.</summary>
public sealed record RosterEntryKey(long EntityKey, string NameKey, RosterAgency Agency);

/// <summary>
/// Matches a year's reports to the roster valid that year, without the database: a report is the
/// entry whose folded name or alias equals its agency code; when several entries share it, the one
/// whose region contains the report's region (or is contained by it) wins, and a report still left
/// with several is ambiguous.
/// </summary>
public static class RosterMatcher
{
    /// <summary>
    /// <paramref name="entries"/>: the entries valid in <paramref name="year"/>; <paramref name="aliases"/>:
    /// (entity, folded alias) of every entity; <paramref name="reports"/>: (agency code, report) of the
    /// year's current reports. Each report lands in exactly one of matched, unmatched or ambiguous.
    /// </summary>
    public static RosterMatch Match(int year, IReadOnlyList<RosterEntryKey> entries, IReadOnlyList<(long EntityKey, string AliasKey)> aliases, IReadOnlyList<(string AgencyCode, RosterReport Report)> reports)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(reports);
        var byKey = new Dictionary<string, List<RosterEntryKey>>(StringComparer.Ordinal);
        void Index(string key, RosterEntryKey e)
        {
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
            if (!list.Contains(e)) list.Add(e);
        }

        var entryOf = new Dictionary<long, RosterEntryKey>();
        foreach (var e in entries) entryOf.TryAdd(e.EntityKey, e);
        foreach (var e in entries) Index(e.NameKey, e);
        foreach (var (entity, alias) in aliases) if (entryOf.TryGetValue(entity, out var e)) Index(alias, e);

        var matched = new List<(RosterAgency, RosterReport)>();
        var unmatched = new List<RosterReport>();
        var ambiguous = new List<(RosterReport, IReadOnlyList<RosterAgency>)>();
        var reportsOf = new Dictionary<long, List<RosterReport>>();
        foreach (var (code, report) in reports)
        {
            var candidates = byKey.GetValueOrDefault(code) ?? [];
            if (candidates.Count > 1 && report.RegionCode is { } region)
            {
                var near = candidates.Where(e => e.Agency.RegionCode is not { } r || region.StartsWith(r, StringComparison.Ordinal) || r.StartsWith(region, StringComparison.Ordinal)).ToList();
                if (near.Count > 0) candidates = near;
            }

            switch (candidates.Count)
            {
                case 0:
                    unmatched.Add(report);
                    break;
                case 1:
                    matched.Add((candidates[0].Agency, report));
                    if (!reportsOf.TryGetValue(candidates[0].EntityKey, out var list)) reportsOf[candidates[0].EntityKey] = list = [];
                    list.Add(report);
                    break;
                default:
                    ambiguous.Add((report, candidates.Select(e => e.Agency).ToList()));
                    break;
            }
        }

        var several = reportsOf.Where(p => p.Value.Count > 1).Select(p => (entryOf[p.Key].Agency, (IReadOnlyList<RosterReport>)p.Value)).ToList();
        var inDoubt = ambiguous.SelectMany(a => a.Item2).Select(a => a.EntityKey).ToHashSet();
        var without = entries.Where(e => !reportsOf.ContainsKey(e.EntityKey) && !inDoubt.Contains(e.EntityKey)).Select(e => e.Agency).ToList();
        return new RosterMatch(year, entries.Count, matched, unmatched, several, without, ambiguous);
    }
}
