using Warehouse.Core.Regions;
using Warehouse.Export.Dashboards;

namespace Warehouse.Cli;

/// <summary>
/// What users name on the command line, resolved in one place for status, export and digest:
/// a region by its code or its name (<c>--region 370212</c>, <c>--region 崂山区</c>), a dashboard
/// by its name or its title (<c>--dashboard filing-status</c>, <c>--dashboard 报送情况</c>).
/// Anything unknown or ambiguous is a <see cref="UserError"/> that lists what would fit.
/// </summary>
internal static class Choices
{
    /// <summary>The region's code, or null when no region was given.</summary>
    /// <exception cref="UserError">Not a code of the division list, no region of that name, or several (listed with their codes).</exception>
    public static string? RegionCode(string? text) => text is null ? null : Region(text).Code;

    /// <summary>
    /// A region by its code ("370212"), its name ("崂山区"), its name with the levels above
    /// ("青岛市崂山区", "山东省青岛市崂山区"), an alias of the shipped list ("赣州经开区"), or the
    /// start of one name ("崂山").
    /// </summary>
    /// <exception cref="UserError">As <see cref="RegionCode"/>.</exception>
    public static Region Region(string text)
    {
        var t = text.Trim();
        var divisions = DivisionList.Default;
        if (t.Length > 0 && t.All(char.IsAsciiDigit))
        {
            return divisions.Find(t) ?? throw new UserError(
                $"--region {t}：不是全国行政区划代码（省 2 位、市 4 位、县 6 位，如 36 = 江西省、3607 = 赣州市），也可以写地区名称（如 --region 崂山区）。" +
                $"--region {t} is not a region code of the national division list (2 digits for a province, 4 for a city, 6 for a county).");
        }

        var named = divisions.Regions.Where(r => FullNames(divisions, r).Contains(t)).ToList();
        if (named.Count == 0) named = divisions.Aliases.Where(a => a.Name == t).Select(a => divisions.Find(a.Code)!).Distinct().ToList();
        if (named.Count == 0 && t.Length >= 2) named = divisions.Regions.Where(r => r.Name.StartsWith(t, StringComparison.Ordinal)).ToList();
        if (named.Count == 1) return named[0];
        if (named.Count > 1)
        {
            var shown = named.Take(10).Select(r => $"{FullName(divisions, r)} {r.Code}");
            throw new UserError(
                $"--region {t}：有 {named.Count} 个地区叫这个名字（{string.Join("、", shown)}{(named.Count > 10 ? " 等" : "")}），请写代码，或连同上级名称写（如 --region {FullName(divisions, named[0])}）。" +
                $"--region {t} names {named.Count} regions; give the code of the one meant.");
        }

        var near = Words.Nearest(t, divisions.Regions.Select(r => r.Name).Distinct(), 1);
        var suggestion = near.Count == 0 ? "" : $"您是不是要输入 {string.Join("、", near.Select(n => $"{n}（{string.Join("、", divisions.Regions.Where(r => r.Name == n).Take(3).Select(r => r.Code))}）"))}？";
        throw new UserError($"--region {t}：没有这个名称的地区。{suggestion}--region {t} is not a region name or code of the national division list.");
    }

    /// <summary>"370212 崂山区", for the rows of a list.</summary>
    public static string RegionLabel(string? code, string? name) =>
        code is null ? "地区未识别" : $"{code} {name ?? DivisionList.Default.Find(code)?.Name ?? ""}".TrimEnd();

    /// <summary>"崂山区（370212，山东省 青岛市）", for a filter.</summary>
    public static string RegionTitle(Region r)
    {
        var above = DivisionList.Default.Lineage(r.Code).Skip(1).Reverse().Select(x => x.Name).ToList();
        return above.Count == 0 ? $"{r.Name}（{r.Code}）" : $"{r.Name}（{r.Code}，{string.Join(" ", above)}）";
    }

    /// <summary>A dashboard by its name ("filing-status") or its title ("报送情况").</summary>
    /// <exception cref="UserError">No such dashboard (with the nearest name or title), or its file has mistakes (listed).</exception>
    public static Dashboard Dashboard(DashboardCatalog catalog, string text)
    {
        var t = text.Trim();
        var found = catalog.Find(t) ?? catalog.Dashboards.FirstOrDefault(d => d.Title == t);
        if (found is not null) return found;

        var problems = catalog.Problems.Where(p => Path.GetFileNameWithoutExtension(p.File) == t).ToList();
        if (problems.Count > 0)
        {
            throw new UserError($"仪表板 {t} 的文件有错误 dashboard {t} has mistakes:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        var near = DashboardCatalog.Nearest(t, catalog.Dashboards.SelectMany(d => new[] { d.Name, d.Title }));
        var meant = near is null ? null : catalog.Dashboards.First(d => d.Name == near || d.Title == near);
        throw new UserError(
            $"没有仪表板「{t}」（可写名称或标题，见 ./warehouse dashboards list）{(meant is null ? "。" : $"，您是不是要输入 {meant.Title}（{meant.Name}）？")}" +
            $"No dashboard {t} in {Path.GetFullPath(catalog.Folder)}{(meant is null ? "" : $" (did you mean {meant.Name}?)")}.");
    }

    /// <summary>"山东省青岛市崂山区".</summary>
    private static string FullName(DivisionList divisions, Region r) => string.Concat(divisions.Lineage(r.Code).Reverse().Select(x => x.Name));

    /// <summary>The region's name alone and with each level above it: 崂山区, 青岛市崂山区, 山东省青岛市崂山区.</summary>
    private static IEnumerable<string> FullNames(DivisionList divisions, Region r)
    {
        var name = "";
        foreach (var level in divisions.Lineage(r.Code))
        {
            name = level.Name + name;
            yield return name;
        }
    }
}

/// <summary>The nearest words to a mistyped one, for "您是不是要输入 …？".</summary>
internal static class Words
{
    /// <summary>Up to <paramref name="count"/> candidates near <paramref name="word"/>, the nearest first (as <see cref="DashboardCatalog.Nearest"/> judges nearness).</summary>
    public static IReadOnlyList<string> Nearest(string word, IEnumerable<string> candidates, int count)
    {
        var left = candidates.ToList();
        var found = new List<string>();
        while (found.Count < count && DashboardCatalog.Nearest(word, left) is { } near)
        {
            found.Add(near);
            left.Remove(near);
        }

        return found;
    }
}
