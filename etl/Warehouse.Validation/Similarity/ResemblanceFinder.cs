namespace Warehouse.Validation.Similarity;

/// <summary>The prose of one report, as the resemblance check reads it.</summary>
/// <param name="ReportKey">The report (<c>fact_report.report_key</c>).</param>
/// <param name="AgencyCode">Its agency, the same in every year.</param>
/// <param name="RegionCode">Its region (GB/T 2260), or null when unresolved: such reports are compared among themselves.</param>
/// <param name="Year">The year reported on.</param>
/// <param name="Text">The prose of sections 一、五 and 六, as printed.</param>
public sealed record ProseDocument(long ReportKey, string AgencyCode, string? RegionCode, int Year, string Text);

/// <summary>Which reports a report is compared with.</summary>
public enum ResemblanceScope
{
    /// <summary>The same agency's reports of earlier years (照搬往年).</summary>
    EarlierYear,

    /// <summary>Other agencies' reports of the same year and region (互相抄袭).</summary>
    SameRegionAndYear,
}

/// <summary>
/// A report whose prose is mostly another's (雷同): <paramref name="SharedShare"/> of its shingles
/// (<see cref="ProseShingles"/>) are in the other's prose, 0 to 1.
/// </summary>
public sealed record Resemblance(long ReportKey, long ResemblesReportKey, ResemblanceScope Scope, double SharedShare);

/// <summary>What counts as 雷同.</summary>
public sealed record ResemblanceOptions
{
    /// <summary>The least share of a report's shingles found in the other report for it to be flagged: 0.8 by default.</summary>
    public double Threshold { get; init; } = 0.8;

    /// <summary>
    /// Prose shorter than this, in normalised characters (<see cref="ProseShingles.Normalise"/>), is
    /// not compared: "无。" in every section is not a copy. 200 by default.
    /// </summary>
    public int MinimumCharacters { get; init; } = 200;
}

/// <summary>
/// Finds 雷同: each report's prose against the same agency's earlier years and against the other
/// agencies' reports of the same year and region. Candidates come from a locality-sensitive index
/// of MinHash signatures (<see cref="MinHash.Bands"/> bands) within each group, so a province is
/// not compared pair by pair; each candidate is then measured exactly on its shingle sets. For
/// each report and scope the closest report above the threshold is returned.
/// </summary>
public static class ResemblanceFinder
{
    /// <summary>Resemblances among <paramref name="documents"/>, ordered by report key and scope.</summary>
    public static IReadOnlyList<Resemblance> Find(IReadOnlyList<ProseDocument> documents, ResemblanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new ResemblanceOptions();
        var prepared = new Prepared?[documents.Count];
        Parallel.For(0, documents.Count, i =>
        {
            var normalised = ProseShingles.Normalise(documents[i].Text);
            if (normalised.Length < options.MinimumCharacters) return;
            var shingles = ProseShingles.Of(normalised);
            prepared[i] = new Prepared(documents[i], shingles, MinHash.Signature(shingles));
        });

        var kept = prepared.Where(p => p is not null).Select(p => p!).ToList();
        var best = new Dictionary<(long, ResemblanceScope), Resemblance>();
        void Offer(Resemblance r)
        {
            if (r.SharedShare < options.Threshold) return;
            var key = (r.ReportKey, r.Scope);
            if (!best.TryGetValue(key, out var held) || r.SharedShare > held.SharedShare
                || (r.SharedShare == held.SharedShare && r.ResemblesReportKey < held.ResemblesReportKey))
            {
                best[key] = r;
            }
        }

        foreach (var group in kept.GroupBy(p => p.Document.AgencyCode, StringComparer.Ordinal))
        {
            foreach (var (a, b) in Candidates(group.ToList(), options))
            {
                if (a.Document.Year == b.Document.Year) continue;
                var (later, earlier) = a.Document.Year > b.Document.Year ? (a, b) : (b, a);
                Offer(new Resemblance(later.Document.ReportKey, earlier.Document.ReportKey, ResemblanceScope.EarlierYear, Share(later, earlier)));
            }
        }

        foreach (var group in kept.GroupBy(p => (p.Document.RegionCode, p.Document.Year)))
        {
            foreach (var (a, b) in Candidates(group.ToList(), options))
            {
                if (string.Equals(a.Document.AgencyCode, b.Document.AgencyCode, StringComparison.Ordinal)) continue;
                Offer(new Resemblance(a.Document.ReportKey, b.Document.ReportKey, ResemblanceScope.SameRegionAndYear, Share(a, b)));
                Offer(new Resemblance(b.Document.ReportKey, a.Document.ReportKey, ResemblanceScope.SameRegionAndYear, Share(b, a)));
            }
        }

        return best.Values.OrderBy(r => r.ReportKey).ThenBy(r => r.Scope).ToList();
    }

    private sealed record Prepared(ProseDocument Document, ulong[] Shingles, uint[] Signature);

    /// <summary>The share of <paramref name="a"/>'s shingles that are also <paramref name="b"/>'s.</summary>
    private static double Share(Prepared a, Prepared b) =>
        a.Shingles.Length == 0 ? 0 : ProseShingles.Shared(a.Shingles, b.Shingles) / (double)a.Shingles.Length;

    /// <summary>
    /// Whether either report's share may reach the threshold, from the MinHash estimate J of the
    /// Jaccard similarity and the set sizes: |A∩B| ≈ J(|A| + |B|)/(1 + J). The margin, 0.15, is over
    /// three standard errors of the estimate; only the pairs it lets through are measured exactly.
    /// </summary>
    private static bool MayReach(Prepared a, Prepared b, double threshold)
    {
        var j = MinHash.Estimate(a.Signature, b.Signature);
        var shared = j * (a.Shingles.Length + b.Shingles.Length) / (1 + j);
        return shared / Math.Min(a.Shingles.Length, b.Shingles.Length) >= threshold - 0.15;
    }

    /// <summary>Pairs of a group that share a band and whose estimate passes, each once.</summary>
    private static IEnumerable<(Prepared, Prepared)> Candidates(List<Prepared> group, ResemblanceOptions options)
    {
        if (group.Count < 2) yield break;
        var seen = new HashSet<(int, int)>();
        for (var band = 0; band < MinHash.Bands; band++)
        {
            var buckets = new Dictionary<ulong, List<int>>();
            for (var i = 0; i < group.Count; i++)
            {
                var key = MinHash.BandKey(group[i].Signature, band);
                if (!buckets.TryGetValue(key, out var members)) buckets[key] = members = [];
                members.Add(i);
            }

            foreach (var members in buckets.Values)
            {
                for (var x = 0; x < members.Count; x++)
                {
                    for (var y = x + 1; y < members.Count; y++)
                    {
                        if (!seen.Add((members[x], members[y]))) continue;
                        var (a, b) = (group[members[x]], group[members[y]]);
                        if (MayReach(a, b, options.Threshold)) yield return (a, b);
                    }
                }
            }
        }
    }
}
