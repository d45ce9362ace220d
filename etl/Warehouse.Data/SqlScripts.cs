using System.Collections.Concurrent;

namespace Warehouse.Data;

/// <summary>The SQL of one dialect, embedded from <c>sql/&lt;dialect&gt;/</c> and loaded by name.</summary>
public sealed class SqlScripts(Dialect dialect)
{
    private readonly ConcurrentDictionary<string, string> _cache = new();

    public Dialect Dialect => dialect;

    /// <param name="name">The path under the dialect's folder without ".sql", e.g. <c>queries/insert_report</c>.</param>
    public string Get(string name) => _cache.GetOrAdd(name, Load);

    /// <summary>The migrations, in order: <c>migrations/0001_…</c>.</summary>
    public IReadOnlyList<(string Name, string Sql)> Migrations()
    {
        var prefix = $"{dialect.Folder()}/migrations/";
        return typeof(SqlScripts).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (Path.GetFileNameWithoutExtension(n), Read(n)))
            .ToList();
    }

    /// <summary>
    /// The views, in order, each named with a hash of its text (<c>views/01_v_report_current@1a2b3c4d</c>),
    /// so that a view is created again exactly when its definition changes.
    /// </summary>
    public IReadOnlyList<(string Name, string Sql)> Views()
    {
        var prefix = $"{dialect.Folder()}/views/";
        return typeof(SqlScripts).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                var sql = Read(n);
                var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sql)))[..8];
                return ($"views/{Path.GetFileNameWithoutExtension(n)}@{hash}", sql);
            })
            .ToList();
    }

    private string Load(string name) => Read($"{dialect.Folder()}/{name}.sql");

    private static string Read(string resource)
    {
        using var stream = typeof(SqlScripts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"SQL script '{resource}' is not embedded in Warehouse.Data.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
