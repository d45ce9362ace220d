using System.Globalization;
using System.Text;

namespace Warehouse.Crawl.Fetching;

/// <summary>
/// A parsed robots.txt (RFC 9309, with Google's reading of what it leaves open): groups of User-agent
/// lines with their Allow, Disallow and Crawl-delay lines; the most specific rule wins.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The group is the one naming the crawler's product token (case-insensitive); several such groups are merged;
/// without one, the <c>*</c> groups; without those, everything is allowed.</item>
/// <item>Of the rules whose pattern matches the path and query, the longest pattern wins; on a tie, Allow.</item>
/// <item><c>*</c> matches any run of characters, a final <c>$</c> the end of the URL; patterns match from the start of the path.</item>
/// <item>An empty Disallow allows everything; lines before the first User-agent belong to no group; /robots.txt itself is always allowed.</item>
/// <item>Crawl-delay (seconds, decimals allowed) is not in the RFC; portals write it, and it is honoured as a longer host delay.</item>
/// </list>
/// </remarks>
public sealed class RobotsTxt
{
    private readonly IReadOnlyList<Group> groups;

    private RobotsTxt(IReadOnlyList<Group> groups) => this.groups = groups;

    /// <summary>No rules: what a missing robots.txt (4xx) means.</summary>
    public static RobotsTxt AllowAll { get; } = new([]);

    /// <summary>Every path disallowed for every crawler: what a robots.txt that answers 5xx means for now.</summary>
    public static RobotsTxt DisallowAll { get; } = Parse("User-agent: *\nDisallow: /");

    public static RobotsTxt Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = new List<Group>();
        Group? current = null;
        var rulesStarted = false;

        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            var colon = line.IndexOf(':');
            if (colon < 0) continue;
            var key = line[..colon].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();

            switch (key)
            {
                case "user-agent" or "useragent" or "user agent":
                    // User-agent lines in a row share the group; one after a rule starts the next group.
                    if (current is null || rulesStarted)
                    {
                        current = new Group();
                        groups.Add(current);
                        rulesStarted = false;
                    }

                    var agent = value == "*" ? "*" : ProductToken(value);
                    if (agent.Length > 0) current.Agents.Add(agent);
                    break;

                // Misspellings Google accepts; portals copy robots.txt files around with them.
                case "allow" or "disallow" or "dissallow" or "dissalow" or "disalow" or "diasllow" or "disallaw":
                    if (current is null) break;
                    rulesStarted = true;
                    if (value.Length > 0) current.Rules.Add(new Rule(key == "allow", NormalizePattern(value)));
                    break;

                case "crawl-delay" or "crawldelay":
                    if (current is null) break;
                    rulesStarted = true;
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= TimeSpan.MaxValue.TotalSeconds / 2)
                    {
                        current.CrawlDelay = TimeSpan.FromSeconds(seconds);
                    }

                    break;

                // Sitemap and unknown lines neither belong to a group nor end one.
            }
        }

        return new RobotsTxt(groups);
    }

    /// <summary>The product token of a User-Agent: <c>WarehouseBot</c> of <c>WarehouseBot/1.0 (+https://…)</c>.</summary>
    public static string ProductToken(string userAgent)
    {
        var text = (userAgent ?? "").Trim();
        var end = 0;
        while (end < text.Length && (char.IsAsciiLetter(text[end]) || text[end] is '_' or '-')) end++;
        return text[..end];
    }

    /// <summary>Whether a crawler with this product token may fetch the URL.</summary>
    public bool IsAllowed(Uri url, string productToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        return IsAllowed(url.PathAndQuery, productToken);
    }

    /// <summary>Whether a crawler with this product token may fetch the path (with its query), as the URL escapes it.</summary>
    public bool IsAllowed(string pathAndQuery, string productToken)
    {
        var path = NormalizePath(pathAndQuery);
        if (path == "/robots.txt") return true;

        Rule? best = null;
        foreach (var group in GroupsFor(productToken))
        {
            foreach (var rule in group.Rules)
            {
                if (!Matches(path, rule.Pattern)) continue;
                if (best is null || rule.Pattern.Length > best.Pattern.Length || (rule.Pattern.Length == best.Pattern.Length && rule.Allow)) best = rule;
            }
        }

        return best?.Allow ?? true;
    }

    /// <summary>The Crawl-delay of the crawler's groups (the longest, when several give one), or null.</summary>
    public TimeSpan? CrawlDelay(string productToken) =>
        GroupsFor(productToken).Select(g => g.CrawlDelay).Where(d => d is not null).Max();

    private IEnumerable<Group> GroupsFor(string productToken)
    {
        var own = groups.Where(g => g.Agents.Any(a => string.Equals(a, productToken, StringComparison.OrdinalIgnoreCase))).ToList();
        return own.Count > 0 ? own : groups.Where(g => g.Agents.Contains("*"));
    }

    /// <summary>
    /// Whether the pattern matches a prefix of the path. Every position the pattern so far can end at is kept,
    /// as Google's matcher does: linear in path × pattern, where a regular expression could backtrack without bound.
    /// </summary>
    internal static bool Matches(string path, string pattern)
    {
        var ends = new int[path.Length + 1];
        var count = 1;
        for (var j = 0; j < pattern.Length; j++)
        {
            var c = pattern[j];
            if (c == '$' && j == pattern.Length - 1) return ends[count - 1] == path.Length;
            if (c == '*')
            {
                count = path.Length - ends[0] + 1;
                for (var i = 1; i < count; i++) ends[i] = ends[i - 1] + 1;
            }
            else
            {
                var kept = 0;
                for (var i = 0; i < count; i++)
                {
                    if (ends[i] < path.Length && path[ends[i]] == c) ends[kept++] = ends[i] + 1;
                }

                if (kept == 0) return false;
                count = kept;
            }
        }

        return true;
    }

    /// <summary>Patterns are written by hand: non-ASCII is percent-encoded as UTF-8 and escapes upper-cased, as URLs are.</summary>
    private static string NormalizePattern(string pattern)
    {
        if (pattern[0] is not ('/' or '*')) pattern = "/" + pattern;
        var builder = new StringBuilder(pattern.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in pattern.EnumerateRunes())
        {
            if (rune.Value < 0x80 && !char.IsControl((char)rune.Value) && rune.Value != ' ')
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var n = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..n]) builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return UpperEscapes(builder.ToString());
    }

    private static string NormalizePath(string pathAndQuery) =>
        UpperEscapes(string.IsNullOrEmpty(pathAndQuery) ? "/" : pathAndQuery);

    private static string UpperEscapes(string s)
    {
        if (!s.Contains('%')) return s;
        var chars = s.ToCharArray();
        for (var i = 0; i + 2 < chars.Length; i++)
        {
            if (chars[i] == '%' && char.IsAsciiHexDigit(chars[i + 1]) && char.IsAsciiHexDigit(chars[i + 2]))
            {
                chars[i + 1] = char.ToUpperInvariant(chars[i + 1]);
                chars[i + 2] = char.ToUpperInvariant(chars[i + 2]);
            }
        }

        return new string(chars);
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];

        public List<Rule> Rules { get; } = [];

        public TimeSpan? CrawlDelay { get; set; }
    }

    private sealed record Rule(bool Allow, string Pattern);
}
