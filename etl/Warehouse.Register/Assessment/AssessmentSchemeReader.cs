using System.Globalization;
using Warehouse.Catalogue;
using YamlDotNet.RepresentationModel;

namespace Warehouse.Register.Assessment;

/// <summary>
/// Reads a scoring scheme's YAML file into an <see cref="AssessmentScheme"/>, reporting every
/// mistake with its line, as the dashboards' reader does: an unknown key (with the nearest name),
/// a negative number of points, lateness bands out of order, overlapping, or with a gap.
/// </summary>
public static class AssessmentSchemeReader
{
    private static readonly string[] RootKeys = ["title", "description", "base", "floor", "deductions"];
    private static readonly string[] RuleKeys = ["points", "per_day", "bands", "cap"];
    private static readonly string[] BandKeys = ["from", "to", "points"];

    public static (AssessmentScheme? Scheme, IReadOnlyList<SchemeProblem> Problems) Read(string path) =>
        YamlDefinition.TryRead(path, out var text, out var failure) ? Parse(text, path) : (null, [new SchemeProblem(path, 0, failure)]);

    public static (AssessmentScheme? Scheme, IReadOnlyList<SchemeProblem> Problems) Parse(string yaml, string file)
    {
        var problems = new List<SchemeProblem>();
        var y = new YamlDefinition(file, (line, message) => problems.Add(new SchemeProblem(file, line, message)));
        if (y.Root(yaml, "title:, base:, deductions:") is not { } root) return (null, problems);

        var fields = y.Map(root, "the scheme", RootKeys);
        var title = y.Required(fields, "title", "the scheme", root, "what the assessment is called, e.g. 政府信息公开工作年度报告考核评分");
        var @base = Points(y, fields, "base", "the scheme") ?? 100m;
        var floor = Points(y, fields, "floor", "the scheme") ?? 0m;
        if (fields is not null && floor >= @base) y.Problem(fields.GetValueOrDefault("floor") ?? root, $"the scheme: floor ({Text(floor)}) should be below base ({Text(@base)})");

        var rules = new List<DeductionRule>();
        var deductions = y.Map(fields?.GetValueOrDefault("deductions"), "deductions", AssessmentScheme.Kinds);
        if (fields is not null && !fields.ContainsKey("deductions")) y.Problem(root, $"deductions: is missing (points per kind: {string.Join(", ", AssessmentScheme.Kinds)})");
        foreach (var (kind, node) in deductions ?? [])
        {
            if (Rule(y, kind, node) is { } rule) rules.Add(rule);
        }

        var name = Path.GetFileName(file);
        foreach (var suffix in new[] { ".scheme.yaml", ".scheme.yml", ".yaml", ".yml" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
                break;
            }
        }

        var scheme = new AssessmentScheme(name, file, title, y.Str(fields, "description", "the scheme"), @base, floor, rules);
        return (problems.Count == 0 ? scheme : null, problems);
    }

    private static DeductionRule? Rule(YamlDefinition y, string kind, YamlNode node)
    {
        var what = $"deductions: {kind}";
        var r = y.Map(node, what, RuleKeys);
        if (r is null) return null;
        var points = Points(y, r, "points", what);
        var perDay = Points(y, r, "per_day", what);
        var cap = Points(y, r, "cap", what);
        var bands = r.ContainsKey("bands") ? Bands(y, r, what) : [];
        var ways = new[] { r.ContainsKey("points"), r.ContainsKey("per_day"), r.ContainsKey("bands") }.Count(x => x);
        if (kind != "late" && (r.ContainsKey("per_day") || r.ContainsKey("bands")))
        {
            y.Problem(r.GetValueOrDefault("per_day") ?? r["bands"], $"{what}: per_day and bands are for late only; give points: (each)");
        }
        else if (ways == 0)
        {
            y.Problem(node, kind == "late" ? $"{what}: give points: (each late report), per_day: or bands:" : $"{what}: points: is missing (the points each costs)");
        }
        else if (ways > 1)
        {
            y.Problem(node, $"{what}: give one of points:, per_day: and bands:, not several");
        }

        return new DeductionRule(kind, points, perDay, bands, cap);
    }

    /// <summary>Lateness bands: in order of days, from 1 day, each beginning the day after the one before ends, only the last open-ended.</summary>
    private static List<LateBand> Bands(YamlDefinition y, Dictionary<string, YamlNode> rule, string what)
    {
        var bands = new List<(LateBand Band, YamlNode Node)>();
        foreach (var node in y.Seq(rule, "bands", what))
        {
            var b = y.Map(node, $"{what}: a band", BandKeys);
            if (b is null) continue;
            var from = y.WholeNumber(b, "from", $"{what}: a band");
            var to = y.WholeNumber(b, "to", $"{what}: a band");
            var points = Points(y, b, "points", $"{what}: a band");
            if (from is null) y.Problem(node, $"{what}: a band: from: is missing (its first day late, e.g. 1)");
            if (points is null) y.Problem(node, $"{what}: a band: points: is missing");
            if (from is not null && to is not null && to < from) y.Problem(node, $"{what}: a band ends (to: {to}) before it begins (from: {from})");
            if (from is not null && points is not null) bands.Add((new LateBand(from.Value, to, points.Value), node));
        }

        if (bands.Count == 0)
        {
            y.Problem(rule["bands"], $"{what}: bands: should list at least one band, e.g. {{ from: 1, to: 15, points: 2 }}");
            return [];
        }

        if (bands[0].Band.From != 1) y.Problem(bands[0].Node, $"{what}: the first band should begin at 1 day late (from: 1), not {bands[0].Band.From}");
        for (var i = 1; i < bands.Count; i++)
        {
            var (before, band) = (bands[i - 1].Band, bands[i].Band);
            if (before.To is null) y.Problem(bands[i].Node, $"{what}: only the last band may leave out to: (the band before this one has no end)");
            else if (band.From <= before.To) y.Problem(bands[i].Node, $"{what}: this band (from: {band.From}) overlaps the one before ({before.Days}), or is out of order; bands go in order of days");
            else if (band.From > before.To + 1) y.Problem(bands[i].Node, $"{what}: days {before.To + 1}-{band.From - 1} fall in no band (this one should begin at from: {before.To + 1})");
        }

        if (bands[^1].Band.To is { } last) y.Problem(bands[^1].Node, $"{what}: the last band should leave out to: (days late beyond {last} would fall in no band)");
        return bands.Select(b => b.Band).ToList();
    }

    /// <summary>A number of points, 0 or more.</summary>
    private static decimal? Points(YamlDefinition y, Dictionary<string, YamlNode>? map, string key, string what)
    {
        var d = y.Number(map, key, what);
        if (d is null) return null;
        if (d < 0)
        {
            y.Problem(map![key], $"{what}: {key} should be 0 or more points, not {d.Value.ToString(CultureInfo.InvariantCulture)} (a deduction is written as the points taken off)");
            return null;
        }

        return (decimal)d.Value;
    }

    public static string Text(decimal points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}
