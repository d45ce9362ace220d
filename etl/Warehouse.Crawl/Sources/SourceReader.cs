using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Warehouse.Catalogue;
using Warehouse.Core.Regions;
using YamlDotNet.RepresentationModel;

namespace Warehouse.Crawl.Sources;

/// <summary>A mistake in a source file, at its line.</summary>
public sealed record SourceProblem(string File, int Line, string Message) : DefinitionProblem(File, Line, Message);

/// <summary>
/// Reads a source's YAML file. Every mistake is reported with its line and what to write
/// instead, all at once, so that a user fixes a file in one pass; nothing is guessed.
/// </summary>
public static partial class SourceReader
{
    private static readonly string[] Keys = ["name", "title", "region", "start", "profile", "allowed_hosts", "politeness", "schedule", "local_test_source", "list", "tls"];
    private static readonly string[] PolitenessKeys = ["min_delay"];
    private static readonly string[] TlsKeys = ["pin_sha256"];
    private static readonly string[] ListKeys = ["link_selector", "title_pattern", "pagination", "api"];
    private static readonly string[] ApiKeys = ["url", "first_page", "format"];
    private static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LeastPublicDelay = TimeSpan.FromSeconds(1);

    public static (Source? Source, IReadOnlyList<SourceProblem> Problems) Read(string path) =>
        YamlDefinition.TryRead(path, out var text, out var failure) ? Parse(text, path) : (null, [new SourceProblem(path, 0, failure)]);

    public static (Source? Source, IReadOnlyList<SourceProblem> Problems) Parse(string yaml, string file)
    {
        var problems = new List<SourceProblem>();
        var y = new YamlDefinition(file, (line, message) => problems.Add(new SourceProblem(file, line, message)));
        if (y.Root(yaml, "name:, title:, region:, start:, profile:") is not { } root) return (null, problems);

        var fields = Fields(y, root, Keys, "");

        var name = Scalar(fields, "name") ?? Path.GetFileNameWithoutExtension(file);
        if (!NamePattern().IsMatch(name)) y.Problem(fields.GetValueOrDefault("name"), $"name '{name}' may hold only letters, digits, '-' and '_'");

        var title = Scalar(fields, "title");
        if (string.IsNullOrWhiteSpace(title)) y.Problem(fields.GetValueOrDefault("title") ?? root, "title: is missing (what users call the portal, e.g. 赣县区人民政府)");

        var region = Scalar(fields, "region");
        if (region is null) y.Problem(fields.GetValueOrDefault("region") ?? root, "region: is missing (the portal's GB/T 2260 code, e.g. \"360704\", quoted)");
        else if (DivisionList.Default.Find(region) is null) y.Problem(fields["region"], $"region {region} is not in the national division list (a 2-, 4- or 6-digit code, quoted)");

        var starts = new List<Uri>();
        if (!fields.TryGetValue("start", out var startNode))
        {
            y.Problem(root, "start: is missing (the first list page of the annual-report column)");
        }
        else
        {
            foreach (var (node, value) in Strings(startNode))
            {
                if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") starts.Add(uri);
                else y.Problem(node, $"start URL '{value}' is not an absolute http or https address");
            }

            if (starts.Count == 0 && problems.Count == 0) y.Problem(startNode, "start: lists no URL");
        }

        // Without a profile, the generic rule: any link whose title is a report's.
        var profileName = Scalar(fields, "profile") ?? CmsProfiles.Generic.Name;
        var profile = CmsProfiles.Named(profileName);
        if (profile is null) y.Problem(fields["profile"], $"profile '{profileName}' is unknown; the profiles are {string.Join(", ", CmsProfiles.All.Select(p => p.Name))}");

        var local = false;
        if (Scalar(fields, "local_test_source") is { } localText && !bool.TryParse(localText, out local))
        {
            y.Problem(fields["local_test_source"], $"local_test_source must be true or false, not '{localText}'");
        }

        var hosts = starts.Select(HostKey).Distinct().ToList();
        if (fields.TryGetValue("allowed_hosts", out var hostsNode))
        {
            hosts = [];
            foreach (var (node, value) in Strings(hostsNode))
            {
                if (HostPattern().IsMatch(value)) hosts.Add(value.ToLowerInvariant());
                else y.Problem(node, $"allowed host '{value}' should be a host name or host:port, without scheme or path");
            }

            foreach (var start in starts.Where(s => !hosts.Contains(HostKey(s))))
            {
                y.Problem(hostsNode, $"the start URL {start} is on {HostKey(start)}, which allowed_hosts does not list");
            }
        }

        var delay = DefaultDelay;
        if (fields.TryGetValue("politeness", out var politenessNode))
        {
            var politeness = Fields(y, politenessNode, PolitenessKeys, "politeness.");
            if (Scalar(politeness, "min_delay") is { } delayText)
            {
                if (ParseDuration(delayText) is { } d) delay = d;
                else y.Problem(politeness["min_delay"], $"min_delay '{delayText}' is not a duration such as 2s, 1500ms or 1m");
            }
        }

        if (delay < LeastPublicDelay && !local)
        {
            y.Problem(fields.GetValueOrDefault("politeness") ?? root, $"min_delay {delay.TotalMilliseconds:0} ms is below the 1 s a public portal is owed (only a local_test_source may go faster)");
        }

        var schedule = Scalar(fields, "schedule");
        if (schedule is not null && !CronPattern().IsMatch(schedule.Trim()))
        {
            y.Problem(fields["schedule"], $"schedule '{schedule}' is not a five-field cron expression (minute hour day month weekday, e.g. \"0 3 * * *\")");
        }

        ListApi? api = null;
        if (profile is not null && fields.TryGetValue("list", out var listNode))
        {
            var list = Fields(y, listNode, ListKeys, "list.");
            if (list.TryGetValue("api", out var apiNode)) api = Api(y, apiNode, hosts, local);
            profile = profile with
            {
                LinkSelector = Scalar(list, "link_selector") ?? profile.LinkSelector,
                TitlePattern = Scalar(list, "title_pattern") ?? profile.TitlePattern,
                Pagination = Scalar(list, "pagination") ?? profile.Pagination,
            };
            CheckList(profile, list, y.Problem);
        }

        var pin = Pin(y, fields, starts);

        if (problems.Count > 0) return (null, problems.OrderBy(p => p.Line).ToList());
        return (new Source(name, title!, region!, starts, profile!, hosts, delay, schedule?.Trim(), local, file, api, pin), problems);
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

    /// <summary>The <c>list.api</c> mapping: a URL template with {page} on an allowed host, a first page, a format.</summary>
    private static ListApi? Api(YamlDefinition y, YamlNode node, List<string> hosts, bool local)
    {
        var fields = Fields(y, node, ApiKeys, "list.api.");
        var problems = 0;
        void Problem(YamlNode? at, string message)
        {
            problems++;
            y.Problem(at ?? node, message);
        }

        var url = Scalar(fields, "url");
        if (url is null)
        {
            Problem(node, "list.api 缺少 url（检索接口的地址，页码处写 {page}）/ list.api: url is missing (the search API's address, with {page} where the page number goes)");
        }
        else if (!url.Contains("{page}", StringComparison.Ordinal)
            || !Uri.TryCreate(url.Replace("{page}", "1", StringComparison.Ordinal), UriKind.Absolute, out var sample) || sample.Scheme is not ("http" or "https"))
        {
            Problem(fields["url"], $"list.api.url「{url}」应为含 {{page}} 的 http 或 https 绝对地址 / list.api.url '{url}' should be an absolute http or https address with {{page}}");
        }
        else if (!hosts.Contains(HostKey(sample)))
        {
            Problem(fields["url"], $"list.api.url 所在主机 {HostKey(sample)} 不在 allowed_hosts 中 / list.api.url is on {HostKey(sample)}, which allowed_hosts does not list");
        }
        else if (!local && sample.IsLoopback)
        {
            Problem(fields["url"], $"list.api.url 指向本机地址，只有 local_test_source 可以 / list.api.url is on loopback, which only a local_test_source may use");
        }

        var first = 2;
        if (Scalar(fields, "first_page") is { } firstText && (!int.TryParse(firstText, NumberStyles.None, CultureInfo.InvariantCulture, out first) || first > 10_000))
        {
            Problem(fields["first_page"], $"list.api.first_page「{firstText}」应为非负整数（通常为 2：第 1 页即栏目页本身）/ list.api.first_page '{firstText}' should be a whole number (usually 2: page 1 is the column page itself)");
        }

        var format = Scalar(fields, "format") ?? "json";
        if (!ListApi.Formats.Contains(format))
        {
            Problem(fields["format"], $"list.api.format「{format}」应为 {string.Join(" 或 ", ListApi.Formats)} / list.api.format '{format}' should be one of {string.Join(", ", ListApi.Formats)}");
        }

        return problems == 0 && url is not null ? new ListApi(url, first, format) : null;
    }

    /// <summary><c>tls: { pin_sha256: "AB:CD:…" }</c>: the start host's certificate, trusted by its fingerprint.</summary>
    private static CertificatePin? Pin(YamlDefinition y, Dictionary<string, YamlNode> fields, List<Uri> starts)
    {
        if (!fields.TryGetValue("tls", out var tlsNode)) return null;
        var tls = Fields(y, tlsNode, TlsKeys, "tls.");
        if (Scalar(tls, "pin_sha256") is not { } text)
        {
            y.Problem(tlsNode, "tls: 缺少 pin_sha256（门户证书的 SHA-256 指纹，如 \"AB:CD:…\"）/ tls: needs pin_sha256, the SHA-256 fingerprint of the portal's certificate");
            return null;
        }

        if (CertificatePin.Fingerprint(text) is not { } sha256)
        {
            y.Problem(tls["pin_sha256"], $"pin_sha256 '{text}' 不是 SHA-256 指纹（64 位十六进制数字，可用冒号分隔，如 \"AB:CD:…\"）/ is not a SHA-256 fingerprint (64 hex digits, colons allowed)");
            return null;
        }

        return starts.Count == 0 ? null : new CertificatePin(starts[0].Host.ToLowerInvariant(), sha256);
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

    private static Dictionary<string, YamlNode> Fields(YamlDefinition y, YamlNode node, string[] known, string prefix) =>
        y.Keys(node, known, $"{prefix.TrimEnd('.')} should be a mapping of keys ({string.Join(", ", known)})", key => Unknown(prefix + key, known.Select(k => prefix + k).ToList())) ?? [];

    private static string Unknown(string key, IReadOnlyList<string> known)
    {
        var closest = known.MinBy(k => YamlDefinition.Distance(k, key))!;
        return YamlDefinition.Distance(closest, key) <= 3
            ? $"unknown key '{key}' (did you mean '{closest}'?)"
            : $"unknown key '{key}'; the keys are {string.Join(", ", known)}";
    }

    private static string? Scalar(Dictionary<string, YamlNode> fields, string key) => YamlDefinition.Scalar(fields, key);

    private static IEnumerable<(YamlNode Node, string Value)> Strings(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { } v } => [(node, v)],
        YamlSequenceNode seq => seq.Children.Select(c => (c, (c as YamlScalarNode)?.Value ?? "")),
        _ => [(node, "")],
    };

    [GeneratedRegex(@"^[A-Za-z0-9_-]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9.-]+(:\d{1,5})?$")]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(ms|s|m)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(\S+\s+){4}\S+$")]
    private static partial Regex CronPattern();
}
