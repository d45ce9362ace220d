using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Warehouse.Core.Regions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Warehouse.Crawl.Sources;

/// <summary>A mistake in a source file, at its line.</summary>
public sealed record SourceProblem(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>
/// Reads a source's YAML file. Every mistake is reported with its line and what to write
/// instead, all at once, so that a user fixes a file in one pass; nothing is guessed.
/// </summary>
public static partial class SourceReader
{
    private static readonly string[] Keys = ["name", "title", "region", "start", "profile", "allowed_hosts", "politeness", "schedule", "local_test_source", "list"];
    private static readonly string[] PolitenessKeys = ["min_delay"];
    private static readonly string[] ListKeys = ["link_selector", "title_pattern", "pagination"];
    private static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LeastPublicDelay = TimeSpan.FromSeconds(1);

    public static (Source? Source, IReadOnlyList<SourceProblem> Problems) Read(string path)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new SourceProblem(path, 0, $"cannot be read: {e.Message}")]);
        }

        return Parse(text, path);
    }

    public static (Source? Source, IReadOnlyList<SourceProblem> Problems) Parse(string yaml, string file)
    {
        var problems = new List<SourceProblem>();
        void Problem(YamlNode? node, string message) => problems.Add(new SourceProblem(file, node is null ? 0 : (int)node.Start.Line, message));

        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                return (null, [new SourceProblem(file, 0, "is empty or not a mapping of keys (name:, title:, region:, start:, profile:)")]);
            }

            root = mapping;
        }
        catch (YamlException e)
        {
            return (null, [new SourceProblem(file, (int)e.Start.Line, $"is not valid YAML: {e.InnerException?.Message ?? e.Message}")]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser gives up this way on some unterminated structures.
            return (null, [new SourceProblem(file, 0, "is not valid YAML (an unclosed bracket or quote?)")]);
        }

        var fields = Fields(root, Keys, "", Problem);

        var name = Scalar(fields, "name") ?? Path.GetFileNameWithoutExtension(file);
        if (!NamePattern().IsMatch(name)) Problem(fields.GetValueOrDefault("name"), $"name '{name}' may hold only letters, digits, '-' and '_'");

        var title = Scalar(fields, "title");
        if (string.IsNullOrWhiteSpace(title)) Problem(fields.GetValueOrDefault("title") ?? root, "title: is missing (what users call the portal, e.g. 赣县区人民政府)");

        var region = Scalar(fields, "region");
        if (region is null) Problem(fields.GetValueOrDefault("region") ?? root, "region: is missing (the portal's GB/T 2260 code, e.g. \"360704\", quoted)");
        else if (DivisionList.Default.Find(region) is null) Problem(fields["region"], $"region {region} is not in the national division list (a 2-, 4- or 6-digit code, quoted)");

        var starts = new List<Uri>();
        if (!fields.TryGetValue("start", out var startNode))
        {
            Problem(root, "start: is missing (the first list page of the annual-report column)");
        }
        else
        {
            foreach (var (node, value) in Strings(startNode))
            {
                if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") starts.Add(uri);
                else Problem(node, $"start URL '{value}' is not an absolute http or https address");
            }

            if (starts.Count == 0 && problems.Count == 0) Problem(startNode, "start: lists no URL");
        }

        var profileName = Scalar(fields, "profile");
        var profile = profileName is null ? null : CmsProfiles.Named(profileName);
        if (profileName is null) Problem(fields.GetValueOrDefault("profile") ?? root, $"profile: is missing (one of {string.Join(", ", CmsProfiles.All.Select(p => p.Name))})");
        else if (profile is null) Problem(fields["profile"], $"profile '{profileName}' is unknown; the profiles are {string.Join(", ", CmsProfiles.All.Select(p => p.Name))}");

        var local = false;
        if (Scalar(fields, "local_test_source") is { } localText && !bool.TryParse(localText, out local))
        {
            Problem(fields["local_test_source"], $"local_test_source must be true or false, not '{localText}'");
        }

        var hosts = starts.Select(HostKey).Distinct().ToList();
        if (fields.TryGetValue("allowed_hosts", out var hostsNode))
        {
            hosts = [];
            foreach (var (node, value) in Strings(hostsNode))
            {
                if (HostPattern().IsMatch(value)) hosts.Add(value.ToLowerInvariant());
                else Problem(node, $"allowed host '{value}' should be a host name or host:port, without scheme or path");
            }

            foreach (var start in starts.Where(s => !hosts.Contains(HostKey(s))))
            {
                Problem(hostsNode, $"the start URL {start} is on {HostKey(start)}, which allowed_hosts does not list");
            }
        }

        var delay = DefaultDelay;
        if (fields.TryGetValue("politeness", out var politenessNode))
        {
            var politeness = Fields(politenessNode, PolitenessKeys, "politeness.", Problem);
            if (Scalar(politeness, "min_delay") is { } delayText)
            {
                if (ParseDuration(delayText) is { } d) delay = d;
                else Problem(politeness["min_delay"], $"min_delay '{delayText}' is not a duration such as 2s, 1500ms or 1m");
            }
        }

        if (delay < LeastPublicDelay && !local)
        {
            Problem(fields.GetValueOrDefault("politeness") ?? root, $"min_delay {delay.TotalMilliseconds:0} ms is below the 1 s a public portal is owed (only a local_test_source may go faster)");
        }

        var schedule = Scalar(fields, "schedule");
        if (schedule is not null && !CronPattern().IsMatch(schedule.Trim()))
        {
            Problem(fields["schedule"], $"schedule '{schedule}' is not a five-field cron expression (minute hour day month weekday, e.g. \"0 3 * * *\")");
        }

        if (profile is not null && fields.TryGetValue("list", out var listNode))
        {
            var list = Fields(listNode, ListKeys, "list.", Problem);
            profile = profile with
            {
                LinkSelector = Scalar(list, "link_selector") ?? profile.LinkSelector,
                TitlePattern = Scalar(list, "title_pattern") ?? profile.TitlePattern,
                Pagination = Scalar(list, "pagination") ?? profile.Pagination,
            };
            CheckList(profile, list, Problem);
        }

        if (problems.Count > 0) return (null, problems.OrderBy(p => p.Line).ToList());
        return (new Source(name, title!, region!, starts, profile!, hosts, delay, schedule?.Trim(), local, file), problems);
    }

    /// <summary><c>host</c>, or <c>host:port</c> when the port is not the scheme's default.</summary>
    public static string HostKey(Uri uri) => uri.IsDefaultPort ? uri.Host.ToLowerInvariant() : $"{uri.Host.ToLowerInvariant()}:{uri.Port}";

    public static TimeSpan? ParseDuration(string text)
    {
        var m = DurationPattern().Match(text.Trim());
        if (!m.Success) return null;
        var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            _ => null,
        };
    }

    private static void CheckList(ListProfile profile, Dictionary<string, YamlNode> list, Action<YamlNode?, string> problem)
    {
        try
        {
            _ = new Regex(profile.TitlePattern);
        }
        catch (ArgumentException e)
        {
            problem(list.GetValueOrDefault("title_pattern"), $"title_pattern is not a valid regular expression: {e.Message}");
        }

        try
        {
            new HtmlParser().ParseDocument("<html></html>").QuerySelectorAll(profile.LinkSelector);
        }
        catch (Exception e) when (e is AngleSharp.Dom.DomException or ArgumentException)
        {
            problem(list.GetValueOrDefault("link_selector"), $"link_selector '{profile.LinkSelector}' is not a CSS selector");
        }

        if (!CmsProfiles.PaginationRules.Contains(profile.Pagination) && !profile.Pagination.Contains("{n}", StringComparison.Ordinal))
        {
            problem(list.GetValueOrDefault("pagination"),
                $"pagination '{profile.Pagination}' is neither a URL template with {{n}} (e.g. index_{{n}}.html) nor one of {string.Join(", ", CmsProfiles.PaginationRules)}");
        }
    }

    private static Dictionary<string, YamlNode> Fields(YamlNode node, string[] known, string prefix, Action<YamlNode?, string> problem)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
        {
            problem(node, $"{prefix.TrimEnd('.')} should be a mapping of keys ({string.Join(", ", known)})");
            return fields;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (known.Contains(key)) fields[key] = value;
            else problem(keyNode, Unknown(prefix + key, known.Select(k => prefix + k)));
        }

        return fields;
    }

    private static string Unknown(string key, IEnumerable<string> known)
    {
        var closest = known.OrderBy(k => Distance(k, key)).First();
        return Distance(closest, key) <= 3
            ? $"unknown key '{key}' (did you mean '{closest}'?)"
            : $"unknown key '{key}'; the keys are {string.Join(", ", known)}";
    }

    private static string? Scalar(Dictionary<string, YamlNode> fields, string key) =>
        fields.TryGetValue(key, out var node) && node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

    private static IEnumerable<(YamlNode Node, string Value)> Strings(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { } v } => [(node, v)],
        YamlSequenceNode seq => seq.Children.Select(c => (c, (c as YamlScalarNode)?.Value ?? "")),
        _ => [(node, "")],
    };

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9.-]+(:\d{1,5})?$")]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(ms|s|m)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(\S+\s+){4}\S+$")]
    private static partial Regex CronPattern();
}
