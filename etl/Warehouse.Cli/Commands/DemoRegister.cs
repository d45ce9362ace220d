using System.Globalization;
using System.Text;
using Warehouse.Core.Regions;
using Warehouse.Corpus;
using Warehouse.Corpus.Rendering;
using Warehouse.Data;
using Warehouse.Load;
using Warehouse.Register.Roster;

namespace Warehouse.Cli.Commands;

/// <summary>
/// The demo's register (报送台账): a roster of the sample agencies as a supervisor would keep it, so
/// that the workbooks show every state: two agencies on it that never published, one renamed in
/// the last year (its report still printed under the old name), an agency whose report copies
/// another's of its region (雷同), and an agency that sent a report with a wrong total and then a
/// corrected one (its 整改 item closed, the wrong report kept as history). The copy and the two
/// versions are "sent to the office directly": loaded from files, not crawled.
/// </summary>
internal sealed class DemoRegister(CorpusOptions corpus, int agencies)
{
    private Panel Panel => corpus.Panel!;

    private int LastYear => Panel.FirstYear + Panel.Years - 1;

    /// <summary>The agency whose latest report is loaded twice, wrong then corrected, instead of being published on the portal.</summary>
    public int CorrectedAgency => Math.Min(3, agencies - 1);

    /// <summary>What the roster holds beyond the sample agencies, for the demo's summary line.</summary>
    public sealed record Planted(int Roster, IReadOnlyList<string> NeverPublished, string? Renamed, string? Copier, string? Corrected)
    {
        /// <summary>The renamed agency's name before the rename.</summary>
        public string? RenamedFrom { get; init; }
    }

    /// <summary>
    /// Imports the roster of the first year and, with the rename, of the last; then loads the copy
    /// and the wrong report (whose errors open 整改 items), then the corrected one (which closes them).
    /// </summary>
    public async Task<Planted> PlantAsync(WarehouseDatabase database, string work, CancellationToken ct)
    {
        var sample = Enumerable.Range(0, agencies).Select(a => ReportFactory.CreateInPanel(corpus.Seed, (a * Panel.Years) + Panel.Years - 1, corpus.InconsistentShare, Panel)).ToList();
        var names = sample.Select(g => g.Report.Agency).ToHashSet(StringComparer.Ordinal);
        var region = sample[0].Report.RegionCode;
        var regionName = region is null ? "" : DivisionList.Default.Find(region)?.Name ?? "";
        string? Unused(params string[] candidates) => candidates.Select(c => regionName + c).FirstOrDefault(c => !names.Contains(c));
        var never = new[] { Unused("退役军人事务局", "医疗保障局"), Unused("信访局", "机关事务管理局") }.OfType<string>().Distinct().ToList();

        var copier = agencies > 2 ? Unused("统计局", "档案局") : null;

        // The roster: every sample agency, those that never published, the copier; the last year renames one.
        var rows = sample.Select(g => (Name: g.Report.Agency, Region: g.Report.RegionCode ?? "", Former: (string?)null)).ToList();
        rows.AddRange(never.Select(n => (n, region ?? "", (string?)null)));
        if (copier is not null) rows.Add((copier, region ?? "", null));
        var roster = new RosterService(database, TimeProvider.System);
        await roster.ImportAsync(await RosterCsvAsync(work, Panel.FirstYear, rows, ct), Panel.FirstYear, ct);
        string? renamed = null, old = null;
        if (agencies > 1)
        {
            old = rows[1].Name;
            renamed = old.EndsWith('局') ? old[..^1] + "和行政审批局" : old + "（行政审批服务中心）";
            rows[1] = (renamed, rows[1].Region, old);
            await roster.ImportAsync(await RosterCsvAsync(work, LastYear, rows, ct), LastYear, ct);
        }

        // 雷同: a second agency of the region sends the first agency's report under its own name.
        var files = new List<string>();
        if (copier is not null)
        {
            files.Add(await WriteAsync(work, "copy", Render(sample[2]).Replace(sample[2].Report.Agency, copier, StringComparison.Ordinal), ct));
        }

        // 整改: a report with a wrong total, then the corrected one, which supersedes it.
        string? corrected = null;
        if (agencies > CorrectedAgency)
        {
            var index = (CorrectedAgency * Panel.Years) + Panel.Years - 1;
            var wrong = ReportFactory.CreateInPanel(corpus.Seed, index, 1.0, Panel);
            corrected = wrong.Report.Agency;
            files.Add(await WriteAsync(work, "wrong", Render(wrong), ct));
        }

        var ingest = new IngestService(database, DocumentReader.Default, TimeProvider.System);
        if (files.Count > 0) await ingest.IngestAsync(files, new IngestOptions(), null, ct);
        if (corrected is not null)
        {
            var right = ReportFactory.CreateInPanel(corpus.Seed, (CorrectedAgency * Panel.Years) + Panel.Years - 1, corpus.InconsistentShare, Panel);
            await ingest.IngestAsync([await WriteAsync(work, "corrected", Render(right), ct)], new IngestOptions(), null, ct);
        }

        return new Planted(rows.Count, never, renamed, copier, corrected) { RenamedFrom = old };
    }

    private string Render(GeneratedReport g) => Encoding.UTF8.GetString(TextTabRenderer.Render(Composer.Compose(g), ReportFactory.RandomFor(corpus.Seed, g.Index, salt: 7)));

    private static async Task<string> WriteAsync(string work, string name, string text, CancellationToken ct)
    {
        var path = Path.Combine(work, $"direct-{name}.txt");
        await File.WriteAllTextAsync(path, text, Encoding.UTF8, ct);
        return path;
    }

    private static async Task<string> RosterCsvAsync(string work, int year, IEnumerable<(string Name, string Region, string? Former)> rows, CancellationToken ct)
    {
        var csv = new StringBuilder("单位名称,地区,原名称\n");
        foreach (var (name, region, former) in rows) csv.Append(CultureInfo.InvariantCulture, $"{name},{region},{former}\n");
        var path = Path.Combine(work, $"应报名单-{year}.csv");
        await File.WriteAllTextAsync(path, csv.ToString(), Encoding.UTF8, ct);
        return path;
    }
}
