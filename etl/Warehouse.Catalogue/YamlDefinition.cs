using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Warehouse.Catalogue;

/// <summary>
/// Reads values out of one definition file's YAML (a crawl source, a dashboard), reporting each
/// mistake at its line (an unknown key with the nearest known one, a list where a word was
/// expected) and carrying on, so that a user sees every mistake of a file at once and fixes it
/// in one pass. The messages about a file's own keys are its reader's; the machinery is here.
/// </summary>
public sealed class YamlDefinition(string file, Action<int, string> report)
{
    public string File => file;

    public static int Line(YamlNode? node) => node is null ? 0 : (int)node.Start.Line;

    public void Problem(YamlNode? node, string message) => report(Line(node), message);

    /// <summary>A file's text, or why it cannot be read ("cannot be read: …").</summary>
    public static bool TryRead(string path, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? failure)
    {
        try
        {
            text = System.IO.File.ReadAllText(path);
            failure = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            text = null;
            failure = $"cannot be read: {e.Message}";
            return false;
        }
    }

    /// <summary>
    /// The root mapping of the file's YAML; null, with that one problem reported, when the text is
    /// not YAML or not a mapping. <paramref name="keys"/> names the keys a file starts with ("title:, sheets:").
    /// </summary>
    public YamlMappingNode? Root(string yaml, string keys)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode mapping) return mapping;
            report(0, $"is empty or not a mapping of keys ({keys})");
        }
        catch (YamlException e)
        {
            report((int)e.Start.Line, $"is not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser gives up this way on some unterminated structures.
            report(0, "is not valid YAML (an unclosed bracket or quote?)");
        }

        return null;
    }

    /// <summary>
    /// The known keys of a mapping and their values. A node that is not a mapping is reported as
    /// <paramref name="notMapping"/> (and gives null), each unknown key as <paramref name="unknown"/> says of it.
    /// </summary>
    public Dictionary<string, YamlNode>? Keys(YamlNode node, IReadOnlyList<string> known, string notMapping, Func<string, string> unknown)
    {
        if (node is not YamlMappingNode mapping)
        {
            Problem(node, notMapping);
            return null;
        }

        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in mapping.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            if (known.Contains(key, StringComparer.Ordinal)) fields[key] = v;
            else Problem(k, unknown(key));
        }

        return fields;
    }

    /// <summary>The known keys of a mapping (null for an absent node); a mapping's mistakes are named by <paramref name="what"/>, an unknown key with the nearest known one.</summary>
    public Dictionary<string, YamlNode>? Map(YamlNode? node, string what, IReadOnlyList<string> keys) =>
        node is null
            ? null
            : Keys(node, keys, $"{what} should be a mapping of keys ({string.Join(", ", keys.Take(4))}, …)",
                key => $"{what}: unknown key '{key}'{(Nearest(key, keys) is { } near ? $" (did you mean '{near}'?)" : "")}; the keys are {string.Join(", ", keys)}");

    /// <summary>A value as written, untrimmed; null when absent, empty or not a single value (nothing reported).</summary>
    public static string? Scalar(Dictionary<string, YamlNode> map, string key) =>
        map.TryGetValue(key, out var node) && node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

    /// <summary>A value, trimmed; null when absent or blank, and reported when it is a list or mapping.</summary>
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

    /// <summary>A number; "12%" reads as 0.12.</summary>
    public double? Number(Dictionary<string, YamlNode>? map, string key, string what)
    {
        var text = Str(map, key, what);
        if (text is null) return null;
        if (double.TryParse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return text.EndsWith('%') ? d / 100 : d;
        Problem(map![key], $"{what}: {key} should be a number, not '{text}'");
        return null;
    }

    public int? WholeNumber(Dictionary<string, YamlNode>? map, string key, string what)
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

    /// <summary>
    /// The name nearest to a mistyped one, when it is near (a few letters off), or when it is the
    /// only name that begins with it (v_filing for v_filing_status); null otherwise.
    /// </summary>
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

        var longer = candidates.Where(c => word.Length >= 3 && c.StartsWith(word, StringComparison.Ordinal)).Take(2).ToList();
        return longer.Count == 1 ? longer[0] : null;
    }

    /// <summary>The edit (Levenshtein) distance between two words.</summary>
    public static int Distance(string a, string b)
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
}
