namespace Warehouse.Parsing.Extraction;

/// <summary>
/// Chooses among the readings of table 三's rows (when run-together digits allow several) those
/// that the template's column rules allow together: per column, 本年新收 + 上年结转 = （七）总计 +
/// 结转下年度 (rule 1) and （七）总计 = the sum of the outcome rows (rule 2).
/// </summary>
/// <remarks>
/// A reading of a row is kept when at least one choice for every other row makes every rule hold.
/// The outcome rows are walked once, keeping the set of column sums reachable so far (a dynamic
/// programme over partial sums), then walked back from the sums that some 总计 reading allows. A
/// column where any cell is unknown cannot be checked and is left out. The number of partial sums
/// is bounded; beyond <see cref="StateLimit"/> the solver gives up and says so.
/// </remarks>
internal static class ApplicationSolver
{
    public const int StateLimit = 200_000;

    private const int Columns = 7;

    public sealed record Outcome(Dictionary<string, List<int?[]>> Viable, bool Inconsistent, bool TooMany);

    /// <param name="rows">Each present row (and each group printed as one row) with its readings.</param>
    /// <param name="outcomes">The keys that add up to （七）总计, in table order.</param>
    public static Outcome Solve(Dictionary<string, List<int?[]>> rows, IReadOnlyList<string> outcomes)
    {
        var free = new bool[Columns];
        foreach (var candidates in rows.Values)
        {
            foreach (var c in candidates)
            {
                for (var k = 0; k < Columns; k++) free[k] |= c[k] is null;
            }
        }

        var frameKeys = new[] { "new_received", "carried_over", "total_processed", "carried_forward" };
        var hasFrame = frameKeys.All(rows.ContainsKey);
        var hasTotalRow = rows.ContainsKey("total_processed") && outcomes.All(rows.ContainsKey);

        // Rule 1 over the four flow rows: every combination of their readings that balances.
        var frames = new List<int?[][]>();
        var frameRows = frameKeys.Select(k => rows.TryGetValue(k, out var c) ? (IReadOnlyList<int?[]>)c : [new int?[Columns]]).ToArray();
        long product = frameRows.Aggregate(1L, (p, c) => p * c.Count);
        if (product > StateLimit) return new Outcome(rows, false, true);
        foreach (var combo in Cartesian(frameRows))
        {
            if (!hasFrame || Balances(combo, free)) frames.Add(combo);
        }

        if (frames.Count == 0) return new Outcome(Empty(rows), true, false);

        var viable = rows.ToDictionary(kv => kv.Key, kv => new List<int?[]>());
        if (!hasTotalRow)
        {
            foreach (var (key, candidates) in rows.Where(kv => !frameKeys.Contains(kv.Key))) viable[key].AddRange(candidates);
            AddFrames(viable, frames, hasFrame);
            return new Outcome(viable, false, false);
        }

        // Rule 2: walk the outcome rows keeping reachable column sums, then walk back from the 总计 readings.
        var targets = frames.Select(f => Key(f[2], free)).ToHashSet();
        var ceiling = new long[Columns];
        foreach (var t in targets)
        {
            for (var k = 0; k < Columns; k++) ceiling[k] = Math.Max(ceiling[k], t.Get(k));
        }

        var layers = new List<HashSet<Vec>> { new() { default } };
        foreach (var key in outcomes)
        {
            var next = new HashSet<Vec>();
            foreach (var state in layers[^1])
            {
                foreach (var c in rows[key])
                {
                    var s = state.Add(c, free);
                    if (s.Exceeds(ceiling)) continue;
                    next.Add(s);
                    if (next.Count > StateLimit) return new Outcome(rows, false, true);
                }
            }

            layers.Add(next);
        }

        var live = new HashSet<Vec>(layers[^1].Where(targets.Contains));
        if (live.Count == 0) return new Outcome(Empty(rows), true, false);
        for (var i = outcomes.Count - 1; i >= 0; i--)
        {
            var before = new HashSet<Vec>();
            foreach (var state in layers[i])
            {
                foreach (var c in rows[outcomes[i]])
                {
                    if (!live.Contains(state.Add(c, free))) continue;
                    before.Add(state);
                    if (!viable[outcomes[i]].Contains(c)) viable[outcomes[i]].Add(c);
                }
            }

            live = before;
        }

        var reached = layers[^1].Where(targets.Contains).ToHashSet();
        AddFrames(viable, frames.Where(f => reached.Contains(Key(f[2], free))).ToList(), hasFrame);
        foreach (var (key, candidates) in rows.Where(kv => !frameKeys.Contains(kv.Key) && !outcomes.Contains(kv.Key))) viable[key].AddRange(candidates);
        return new Outcome(viable, false, false);
    }

    private static Dictionary<string, List<int?[]>> Empty(Dictionary<string, List<int?[]>> rows) =>
        rows.ToDictionary(kv => kv.Key, _ => new List<int?[]>());

    private static void AddFrames(Dictionary<string, List<int?[]>> viable, List<int?[][]> frames, bool hasFrame)
    {
        var keys = new[] { "new_received", "carried_over", "total_processed", "carried_forward" };
        foreach (var f in frames)
        {
            for (var i = 0; i < 4; i++)
            {
                if (!viable.TryGetValue(keys[i], out var list)) continue;
                if (!list.Any(c => c.SequenceEqual(f[i]))) list.Add(f[i]);
            }
        }

        _ = hasFrame;
    }

    private static bool Balances(int?[][] f, bool[] free)
    {
        for (var k = 0; k < Columns; k++)
        {
            if (free[k]) continue;
            if (f[0][k] + f[1][k] != f[2][k] + f[3][k]) return false;
        }

        return true;
    }

    private static IEnumerable<int?[][]> Cartesian(IReadOnlyList<int?[]>[] options)
    {
        var index = new int[options.Length];
        while (true)
        {
            yield return options.Select((o, i) => o[index[i]]).ToArray();
            var k = options.Length - 1;
            while (k >= 0 && ++index[k] == options[k].Count)
            {
                index[k] = 0;
                k--;
            }

            if (k < 0) yield break;
        }
    }

    private static Vec Key(int?[] cells, bool[] free) => default(Vec).Add(cells, free);

    /// <summary>Seven column sums; free columns stay 0.</summary>
    private readonly record struct Vec(long A, long B, long C, long D, long E, long F, long G)
    {
        public long Get(int k) => k switch { 0 => A, 1 => B, 2 => C, 3 => D, 4 => E, 5 => F, _ => G };

        public Vec Add(int?[] c, bool[] free) => new(
            A + (free[0] ? 0 : c[0]!.Value), B + (free[1] ? 0 : c[1]!.Value), C + (free[2] ? 0 : c[2]!.Value),
            D + (free[3] ? 0 : c[3]!.Value), E + (free[4] ? 0 : c[4]!.Value), F + (free[5] ? 0 : c[5]!.Value),
            G + (free[6] ? 0 : c[6]!.Value));

        public bool Exceeds(long[] ceiling) =>
            A > ceiling[0] || B > ceiling[1] || C > ceiling[2] || D > ceiling[3] || E > ceiling[4] || F > ceiling[5] || G > ceiling[6];
    }
}
