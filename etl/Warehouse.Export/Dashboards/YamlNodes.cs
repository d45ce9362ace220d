using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Warehouse.Export.Dashboards;

/// <summary>
/// Reads values out of a YAML tree, reporting each mistake at its line (an unknown key with
/// the nearest known one, a list where a word was expected) and carrying on, so that a user
/// sees every mistake of a file at once.
/// </summary>
internal sealed class YamlNodes(string file, List<DashboardProblem> problems)
{
    public void Problem(YamlNode? node, string message) =>
        problems.Add(new DashboardProblem(file, node is null ? 0 : (int)node.Start.Line, message));

    public static int Line(YamlNode? node) => node is null ? 0 : (int)node.Start.Line;

    /// <summary>The keys of a mapping, each unknown one reported; null (and reported) when the node is not a mapping.</summary>
    public Dictionary<string, YamlNode>? Map(YamlNode? node, string what, IReadOnlyList<string> keys)
    {
        if (node is null) return null;
        if (node is not YamlMappingNode mapping)
        {
            Problem(node, $"{what} should be a mapping of keys ({string.Join(", ", keys.Take(4))}, …)");
            return null;
        }

        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in mapping.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                var near = Nearest(key, keys);
                Problem(k, $"{what}: unknown key '{key}'{(near is null ? "" : $" (did you mean '{near}'?)")}; the keys are {string.Join(", ", keys)}");
                continue;
            }

            fields[key] = v;
        }

        return fields;
    }

    public string? Str(Dictionary<string, YamlNode>? map, string key, string what)
    {
        if (map is null || !map.TryGetValue(key, out var node)) return null;
        if (node is YamlScalarNode s) return string.IsNullOrWhiteSpace(s.Value) ? null : s.Value.Trim();
        Problem(node, $"{what}: {key} should be a single value");
        return null;
    }

    public string Required(Dictionary<string, YamlNode>? map, string key, string what, YamlNode? owner, string example)
    {
        var value = Str(map, key, what);
        if (value is null && map is not null) Problem(map.GetValueOrDefault(key) ?? owner, $"{what}: {key}: is missing ({example})");
        return value ?? "";
    }

    public double? Number(Dictionary<string, YamlNode>? map, string key, string what)
    {
        var text = Str(map, key, what);
        if (text is null) return null;
        if (double.TryParse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return text.EndsWith('%') ? d / 100 : d;
        Problem(map![key], $"{what}: {key} should be a number, not '{text}'");
        return null;
    }

    public int? Int(Dictionary<string, YamlNode>? map, string key, string what)
    {
        var d = Number(map, key, what);
        if (d is null) return null;
        if (d >= 1 && d == Math.Floor(d.Value)) return (int)d;
        Problem(map![key], $"{what}: {key} should be a whole number of at least 1");
        return null;
    }

    public bool Bool(Dictionary<string, YamlNode>? map, string key, string what, bool absent = false)
    {
        var text = Str(map, key, what);
        if (text is null) return absent;
        if (text is "true" or "yes") return true;
        if (text is "false" or "no") return false;
        Problem(map![key], $"{what}: {key} should be true or false, not '{text}'");
        return absent;
    }

    /// <summary>The items of a list; a single value counts as a list of one.</summary>
    public IReadOnlyList<YamlNode> Seq(Dictionary<string, YamlNode>? map, string key, string what)
    {
        if (map is null || !map.TryGetValue(key, out var node)) return [];
        return node switch
        {
            YamlSequenceNode seq => seq.Children.ToList(),
            YamlScalarNode s when string.IsNullOrWhiteSpace(s.Value) => [],
            YamlScalarNode s => [s],
            _ => Fail(node, $"{what}: {key} should be a list"),
        };
    }

    /// <summary>A list of words (field names): <c>[a, b]</c> or one word.</summary>
    public IReadOnlyList<string> Words(Dictionary<string, YamlNode>? map, string key, string what) =>
        Seq(map, key, what).Select(n => n is YamlScalarNode s ? s.Value?.Trim() ?? "" : Word(n, what, key)).Where(w => w.Length > 0).ToList();

    private string Word(YamlNode node, string what, string key)
    {
        Problem(node, $"{what}: each item of {key} should be a field name");
        return "";
    }

    private IReadOnlyList<YamlNode> Fail(YamlNode node, string message)
    {
        Problem(node, message);
        return [];
    }

    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Distance(word, c);
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }

        if (best is not null && bestDistance <= Math.Max(2, word.Length / 3)) return best;

        // A name cut short (v_filing for v_filing_status) is near too, when only one name begins so.
        var longer = candidates.Where(c => word.Length >= 3 && c.StartsWith(word, StringComparison.Ordinal)).Take(2).ToList();
        return longer.Count == 1 ? longer[0] : null;
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return row[b.Length];
    }
}
