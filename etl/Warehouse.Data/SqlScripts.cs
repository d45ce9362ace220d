using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Warehouse.Data;

/// <summary>
/// The SQL of one dialect, embedded from <c>sql/</c> and loaded by name. A view or query is
/// written once, <c>sql/views/NAME.sql</c> or <c>sql/queries/NAME.sql</c>, and rendered for the
/// dialect by <see cref="Render"/>; where a dialect must differ too much to render, its own file
/// <c>sql/queries/sqlite/NAME.sql</c> or <c>sql/queries/sqlserver/NAME.sql</c> is taken instead,
/// as it is. Migrations are history and stay per dialect: <c>sql/migrations/&lt;dialect&gt;/</c>.
/// sql/README.md explains the rules.
/// </summary>
public sealed partial class SqlScripts(Dialect dialect)
{
    private readonly ConcurrentDictionary<string, string> _cache = new();

    public Dialect Dialect => dialect;

    /// <param name="name">The path under <c>sql/</c> without ".sql" nor dialect folder, e.g. <c>queries/insert_report</c>.</param>
    /// <returns>The statement(s) for this dialect: its own file if there is one, else the shared file rendered.</returns>
    /// <exception cref="InvalidOperationException">No such script is embedded, or it uses an unknown <c>{{…}}</c> token.</exception>
    public string Get(string name) => _cache.GetOrAdd(name, Load);

    /// <summary>The migrations, in order: <c>0001_…</c>, each as written in <c>sql/migrations/&lt;dialect&gt;/</c>.</summary>
    public IReadOnlyList<(string Name, string Sql)> Migrations()
    {
        var prefix = $"migrations/{dialect.Folder()}/";
        return Resources()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (Path.GetFileNameWithoutExtension(n), Read(n)))
            .ToList();
    }

    /// <summary>
    /// The views, in order, each named with a hash of its rendered text (<c>views/01_v_report_current@1a2b3c4d</c>),
    /// so that a view is created again exactly when its definition for this dialect changes.
    /// </summary>
    public IReadOnlyList<(string Name, string Sql)> Views() =>
        Names("views")
            .Select(name =>
            {
                var sql = Get(name);
                var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(sql)))[..8];
                return ($"{name}@{hash}", sql);
            })
            .ToList();

    /// <summary>
    /// The names of the scripts of one kind for this dialect, in order, e.g. <c>queries/insert_report</c>:
    /// the shared files and this dialect's own, each once.
    /// </summary>
    /// <param name="kind"><c>views</c>, <c>queries</c> or <c>bench</c>.</param>
    public IReadOnlyList<string> Names(string kind)
    {
        var shared = $"{kind}/";
        var own = $"{kind}/{dialect.Folder()}/";
        return Resources()
            .Select(n => n.StartsWith(own, StringComparison.Ordinal) ? n[own.Length..]
                : n.StartsWith(shared, StringComparison.Ordinal) && n.IndexOf('/', shared.Length) < 0 ? n[shared.Length..]
                : null)
            .OfType<string>()
            .Select(n => kind + "/" + Path.GetFileNameWithoutExtension(n))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Renders a shared script for a dialect. The source is written with SQL Server's qualifications
    /// (the first three below), which SQLite's rendering rewrites, and two kinds of token:
    /// <list type="bullet">
    /// <item><c>dbo.</c> before a table or view: kept for SQL Server, dropped for SQLite.</item>
    /// <item><c>N'…'</c>, a Unicode string: kept for SQL Server, <c>'…'</c> for SQLite (whose strings are all Unicode).</item>
    /// <item><c>create or alter view dbo.NAME as</c>: kept for SQL Server; for SQLite <c>drop view if exists NAME;</c> and <c>create view NAME as</c>.</item>
    /// <item><c>{{concat(a, b, …)}}</c>: string concatenation, <c>a || b</c> for SQLite, <c>a + b</c> for SQL Server (null when any part is null, in both; the parts must be strings, or SQL Server adds them).</item>
    /// <item><c>{{sqlite:text}}</c> and <c>{{sqlserver:text}}</c>: the text (to the closing <c>}}</c>, as written, new lines included) in that dialect only, e.g. <c>{{sqlserver:top (5) }}</c> and <c>{{sqlite: limit 5}}</c>.</item>
    /// </list>
    /// Tokens do not nest. A statement that would need more is written per dialect instead.
    /// </summary>
    /// <exception cref="InvalidOperationException">An unknown or unclosed <c>{{…}}</c> token.</exception>
    public static string Render(string source, Dialect dialect)
    {
        var sql = new StringBuilder(source.Length);
        var at = 0;
        while (source.IndexOf("{{", at, StringComparison.Ordinal) is var open and >= 0)
        {
            sql.Append(source, at, open - at);
            var close = source.IndexOf("}}", open, StringComparison.Ordinal);
            if (close < 0) throw new InvalidOperationException($"SQL token not closed at character {open}: {Excerpt(source, open)}");
            sql.Append(Token(source[(open + 2)..close], dialect));
            at = close + 2;
        }

        sql.Append(source, at, source.Length - at);
        if (dialect == Dialect.SqlServer) return sql.ToString();
        var text = CreateOrAlterView().Replace(sql.ToString(), "drop view if exists $1;\ncreate view $1 as");
        return WithoutUnicodePrefixes(SchemaQualifier().Replace(text, ""));
    }

    /// <summary>
    /// The text with the N of each <c>N'…'</c> literal dropped: only where a literal starts, never
    /// inside a literal (<c>'%N'</c>) or a comment (whose apostrophes are not quotes).
    /// </summary>
    private static string WithoutUnicodePrefixes(string sql)
    {
        var text = new StringBuilder(sql.Length);
        var (quoted, comment) = (false, false);
        for (var i = 0; i < sql.Length; i++)
        {
            var ch = sql[i];
            if (comment) comment = ch != '\n';
            else if (quoted) quoted = ch != '\'';
            else if (ch == '\'') quoted = true;
            else if (ch == '-' && i + 1 < sql.Length && sql[i + 1] == '-') comment = true;
            else if (ch == 'N' && i + 1 < sql.Length && sql[i + 1] == '\'' && (i == 0 || !(char.IsLetterOrDigit(sql[i - 1]) || sql[i - 1] == '_'))) continue;
            text.Append(ch);
        }

        return text.ToString();
    }

    private static string Token(string token, Dialect dialect)
    {
        foreach (var (prefix, only) in new[] { ("sqlite:", Dialect.Sqlite), ("sqlserver:", Dialect.SqlServer) })
        {
            if (token.StartsWith(prefix, StringComparison.Ordinal)) return dialect == only ? token[prefix.Length..] : "";
        }

        if (token.StartsWith("concat(", StringComparison.Ordinal) && token.EndsWith(')'))
        {
            return string.Join(dialect == Dialect.Sqlite ? " || " : " + ", Arguments(token["concat(".Length..^1]));
        }

        throw new InvalidOperationException($"unknown SQL token {{{{{Excerpt(token, 0)}}}}}: expected {{{{concat(a, b)}}}}, {{{{sqlite:…}}}} or {{{{sqlserver:…}}}}");
    }

    /// <summary>The arguments of a macro, split at the commas outside parentheses and quotes, trimmed.</summary>
    private static IEnumerable<string> Arguments(string list)
    {
        var (depth, quoted, start) = (0, false, 0);
        for (var i = 0; i < list.Length; i++)
        {
            switch (list[i])
            {
                case '\'': quoted = !quoted; break;
                case '(' when !quoted: depth++; break;
                case ')' when !quoted: depth--; break;
                case ',' when !quoted && depth == 0:
                    yield return list[start..i].Trim();
                    start = i + 1;
                    break;
            }
        }

        yield return list[start..].Trim();
    }

    private static string Excerpt(string text, int at) => text[at..Math.Min(text.Length, at + 40)];

    [GeneratedRegex(@"create or alter view dbo\.(\w+) as")]
    private static partial Regex CreateOrAlterView();

    [GeneratedRegex(@"\bdbo\.")]
    private static partial Regex SchemaQualifier();

    private string Load(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) throw new InvalidOperationException($"SQL script name '{name}' has no kind: expected e.g. queries/{name}.");
        var own = $"{name[..slash]}/{dialect.Folder()}/{name[(slash + 1)..]}.sql";
        return Resources().Contains(own) ? Read(own) : Render(Read($"{name}.sql"), dialect);
    }

    private static readonly Lazy<HashSet<string>> AllResources = new(() => typeof(SqlScripts).Assembly.GetManifestResourceNames().ToHashSet(StringComparer.Ordinal));

    private static HashSet<string> Resources() => AllResources.Value;

    private static string Read(string resource)
    {
        using var stream = typeof(SqlScripts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"SQL script '{resource}' is not embedded in Warehouse.Data.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
