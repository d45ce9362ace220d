namespace Warehouse.SamplePortal.Content;

/// <summary>
/// A site's resources by key. The key is the path plus only the query parameters that choose the
/// resource (pageNum on a Hanweb list, filename on a download, id on /go), so that
/// <c>index.html</c> and <c>index.html?uid=…&amp;pageNum=1</c> are one page with one fault state.
/// </summary>
internal sealed class SiteContent
{
    private readonly Dictionary<string, Resource> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, string? Omitted)[]> _choosing = new(StringComparer.Ordinal);

    /// <summary>The reports this site publishes, oldest first.</summary>
    public List<PublishedReport> Reports { get; } = [];

    /// <summary>The column's first list page, a path from the site root.</summary>
    public required string ListPath { get; init; }

    /// <summary>Declares that <paramref name="name"/> chooses the resource at <paramref name="path"/>; <paramref name="omitted"/> is its default value, left out of the key.</summary>
    public void ChosenBy(string path, string name, string? omitted = null)
    {
        var known = _choosing.GetValueOrDefault(path) ?? [];
        if (known.Any(k => k.Name == name)) return;
        _choosing[path] = [.. known, (name, omitted)];
    }

    public void Add(string key, Resource resource)
    {
        if (!_byKey.TryAdd(key, resource)) throw new InvalidOperationException($"Two resources at {key}: the sample portal's URL scheme has a collision.");
    }

    public Resource? Find(string key) => _byKey.GetValueOrDefault(key);

    public IEnumerable<string> Keys => _byKey.Keys;

    /// <param name="query">The value of a query parameter, or null when absent.</param>
    public string Key(string path, Func<string, string?> query)
    {
        if (!_choosing.TryGetValue(path, out var names)) return path;
        var chosen = names
            .Select(n => (n.Name, Value: query(n.Name), n.Omitted))
            .Where(n => !string.IsNullOrEmpty(n.Value) && n.Value != n.Omitted)
            .Select(n => $"{n.Name}={n.Value}");
        var q = string.Join('&', chosen);
        return q.Length == 0 ? path : $"{path}?{q}";
    }
}

/// <summary>Where a site put one corpus report.</summary>
/// <param name="ArticleUrl">Path and query of the article page, from the site root.</param>
/// <param name="DocumentUrl">Path and query the document is served at (the article for HTML layouts).</param>
/// <param name="ArticleKey">The article's <see cref="SiteContent"/> key, for its fault.</param>
/// <param name="DocumentKey">The document's key.</param>
internal sealed record PublishedReport(ColumnItem Item, string ArticleUrl, string DocumentUrl, string ArticleKey, string DocumentKey, string Sha256);
