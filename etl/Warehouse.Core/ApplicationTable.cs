namespace Warehouse.Core;

/// <summary>Table 三: one row of seven counts (the applicant types) per disposal category.</summary>
/// <remarks>Rows the report's template does not have are absent, not zero; a cell that could not be read is null.</remarks>
public sealed class ApplicationTable
{
    private readonly Dictionary<string, int?[]> _rows;

    public ApplicationTable(IReadOnlyDictionary<string, int?[]> rows)
    {
        foreach (var (code, cells) in rows)
        {
            if (!DisposalCategories.IsKnown(code)) throw new ArgumentException($"Unknown disposal category '{code}'.", nameof(rows));
            if (cells.Length != ApplicantTypes.Count) throw new ArgumentException($"Row '{code}' has {cells.Length} cells, not {ApplicantTypes.Count}.", nameof(rows));
        }

        _rows = rows.ToDictionary(kv => kv.Key, kv => (int?[])kv.Value.Clone());
    }

    /// <summary>The rows present, in template order.</summary>
    public IEnumerable<(DisposalCategory Category, IReadOnlyList<int?> Cells)> Rows =>
        DisposalCategories.All.Where(c => _rows.ContainsKey(c.Code)).Select(c => (c, (IReadOnlyList<int?>)_rows[c.Code]));

    public bool Has(string code) => _rows.ContainsKey(code);

    public IReadOnlyList<int?>? Row(string code) => _rows.TryGetValue(code, out var r) ? r : null;

    public int? this[string code, int column] => _rows.TryGetValue(code, out var r) ? r[column] : null;

    public int? Total(string code) => this[code, ApplicantTypes.TotalIndex];
}
