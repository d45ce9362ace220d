namespace Warehouse.Core;

/// <summary>Table 三: one row of seven counts (the applicant types) per disposal category.</summary>
/// <remarks>Rows the report's template does not have are absent, not zero; a cell that could not be read is null.</remarks>
public sealed class ApplicationTable
{
    private readonly Dictionary<string, int?[]> _rows;
    private readonly Dictionary<string, int?[]> _groups;

    private static readonly Dictionary<string, int?[]> NoGroups = [];

    /// <param name="rows">Row code → seven cells (the applicant types, total last).</param>
    /// <param name="groups">
    /// Printed rows of groups whose sub-rows the report does not print ("（六）其他处理" as one row):
    /// group code (<see cref="DisposalCategory.Group"/>: denied, unavailable, not_processed, other) →
    /// seven cells. Their sub-rows are then null unless the group is all zeros.
    /// </param>
    public ApplicationTable(IReadOnlyDictionary<string, int?[]> rows, IReadOnlyDictionary<string, int?[]>? groups = null)
    {
        foreach (var (code, cells) in rows)
        {
            if (!DisposalCategories.IsKnown(code)) throw new ArgumentException($"Unknown disposal category '{code}'.", nameof(rows));
            if (cells.Length != ApplicantTypes.Count) throw new ArgumentException($"Row '{code}' has {cells.Length} cells, not {ApplicantTypes.Count}.", nameof(rows));
        }

        _rows = rows.ToDictionary(kv => kv.Key, kv => (int?[])kv.Value.Clone());
        _groups = groups is null || groups.Count == 0 ? NoGroups : groups.ToDictionary(kv => kv.Key, kv => (int?[])kv.Value.Clone());
        foreach (var (group, cells) in _groups)
        {
            if (!DisposalCategories.GroupLabels.ContainsKey(group)) throw new ArgumentException($"Unknown group '{group}'.", nameof(groups));
            if (cells.Length != ApplicantTypes.Count) throw new ArgumentException($"Group '{group}' has {cells.Length} cells, not {ApplicantTypes.Count}.", nameof(groups));
        }
    }

    /// <summary>Groups printed as one row (group code → seven cells), in template order.</summary>
    public IEnumerable<(string Group, IReadOnlyList<int?> Cells)> Groups =>
        DisposalCategories.GroupLabels.Keys.Where(_groups.ContainsKey).Select(g => (g, (IReadOnlyList<int?>)_groups[g]));

    /// <summary>The printed row of a group whose sub-rows are not printed, or null.</summary>
    public IReadOnlyList<int?>? Group(string group) => _groups.TryGetValue(group, out var r) ? r : null;

    /// <summary>The rows present, in template order.</summary>
    public IEnumerable<(DisposalCategory Category, IReadOnlyList<int?> Cells)> Rows =>
        DisposalCategories.All.Where(c => _rows.ContainsKey(c.Code)).Select(c => (c, (IReadOnlyList<int?>)_rows[c.Code]));

    public bool Has(string code) => _rows.ContainsKey(code);

    public IReadOnlyList<int?>? Row(string code) => _rows.TryGetValue(code, out var r) ? r : null;

    public int? this[string code, int column] => _rows.TryGetValue(code, out var r) ? r[column] : null;

    public int? Total(string code) => this[code, ApplicantTypes.TotalIndex];
}
