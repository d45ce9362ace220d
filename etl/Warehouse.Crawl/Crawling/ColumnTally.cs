namespace Warehouse.Crawl.Crawling;

/// <summary>
/// What one crawl's list pages said about the column, for its summary: the items seen, the count
/// the column declares, the rules that found the reports, the list pages without a report link.
/// Safe to add to from the parallel visits of one crawl.
/// </summary>
internal sealed class ColumnTally
{
    private readonly Lock _gate = new();
    private readonly HashSet<Uri> _entries = [];
    private readonly List<string> _rules = [];
    private readonly List<string> _empty = [];
    private int? _declared;

    /// <summary>Adds a page's reading; gives how many of its items were new and how many the crawl has seen so far.</summary>
    public (int New, int Seen) Add(Uri page, ListPageLinks links, bool apiPage)
    {
        lock (_gate)
        {
            var before = _entries.Count;
            _entries.UnionWith(links.Entries);
            foreach (var r in links.Reports) _entries.Add(r.Url);
            if (links.Declared is { } d) _declared = Math.Max(_declared ?? 0, d);
            if (links.Reports.Count > 0 && !_rules.Contains(links.Rule)) _rules.Add(links.Rule);

            // An API page past the last is empty by nature; a list page without a report link is not.
            if (links.Reports.Count == 0 && !apiPage) _empty.Add(page.AbsoluteUri);
            return (_entries.Count - before, _entries.Count);
        }
    }

    /// <summary>The count the column declares (the largest any page stated); null when none did.</summary>
    public int? Declared
    {
        get
        {
            lock (_gate) return _declared;
        }
    }

    /// <summary>The rules that found report links, in the order first used ("trs 规则", "通用规则（trs 规则未找到链接）").</summary>
    public IReadOnlyList<string> Rules()
    {
        lock (_gate) return [.. _rules];
    }

    /// <summary>
    /// Chinese-first warning lines: list pages without a report link, a column that declares more items
    /// than the crawl reached. A <paramref name="resumed"/> run does not weigh the declared count: the
    /// list pages read before the kill are not read again, so their items are not in this tally.
    /// </summary>
    public IReadOnlyList<string> Warnings(bool hasApi, bool resumed)
    {
        lock (_gate)
        {
            var warnings = _empty.Select(u => $"列表页未找到年报链接：{u} / no report link on the list page").ToList();
            if (_declared is { } declared && _entries.Count < declared && !resumed)
            {
                warnings.Add(hasApi
                    ? $"栏目声明 {declared} 篇，实际抓到 {_entries.Count} 篇：检索接口未给出其余条目 / column declares {declared}, reached {_entries.Count} (the search API listed no more)"
                    : $"栏目声明 {declared} 篇，实际抓到 {_entries.Count} 篇：其余页面只能通过脚本或检索接口获取 / column declares {declared}, reached {_entries.Count} (further pages only through a script or a search API)");
            }

            return warnings;
        }
    }
}
