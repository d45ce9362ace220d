using Warehouse.Core.Regions;
using Warehouse.Core;

namespace Warehouse.Corpus;

/// <summary>
/// Makes reports with random but consistent numbers, deterministic for a (seed, index) pair,
/// and breaks one cell of a share of them on purpose, recording what the validator must say.
/// </summary>
public static class ReportFactory
{
    private static readonly string[] Departments =
    [
        "商务局", "教育局", "财政局", "人民政府办公室", "市场监督管理局", "自然资源局", "住房和城乡建设局", "交通运输局",
        "农业农村局", "卫生健康委员会", "生态环境局", "民政局", "人力资源和社会保障局", "应急管理局", "文化广电旅游局", "司法局",
    ];

    // County, city and province names that occur once in the division list, so the agency's region is certain.
    private static readonly Lazy<Region[]> UniqueRegions = new(() =>
    {
        var list = DivisionList.Default.Regions;
        var counts = list.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.Count());
        return list.Where(r => counts[r.Name] == 1 && r.Name.Length >= 2).OrderBy(r => r.Code, StringComparer.Ordinal).ToArray();
    });

    public static Random RandomFor(int seed, int index, int salt = 0) => new(unchecked((seed * 1_000_003) + (index * 7_919) + (salt * 104_729) + 17));

    public static GeneratedReport Create(int seed, int index, double inconsistentShare) =>
        Create(seed, index, inconsistentShare, before: null);

    /// <summary>The most agencies a panel can hold: each a distinct department of a distinct region.</summary>
    public static int MaxPanelAgencies => Departments.Length * UniqueRegions.Value.Length;

    /// <summary>
    /// Report <paramref name="index"/> of a panel: agency <c>index / panel.Years</c> in year
    /// <c>panel.FirstYear + index % panel.Years</c>. An agency's years follow each other as real
    /// ones do: what it carried forward it carries over the next year (rule 5), and its documents
    /// in force move by what it issued and repealed (rule 7), unless a cell is broken on purpose.
    /// </summary>
    public static GeneratedReport CreateInPanel(int seed, int index, double inconsistentShare, Panel panel)
    {
        var agencyIndex = index / panel.Years;
        if (agencyIndex >= MaxPanelAgencies) throw new ArgumentOutOfRangeException(nameof(index), index, $"A panel holds at most {MaxPanelAgencies} agencies.");
        var (agency, region) = PanelAgency(agencyIndex);
        GeneratedReport? previous = null;
        for (var k = 0; k <= index % panel.Years; k++)
        {
            previous = Create(seed, (agencyIndex * panel.Years) + k, inconsistentShare, new PanelYear(agency, region, panel.FirstYear + k, previous?.Report));
        }

        return previous!;
    }

    private sealed record PanelYear(string Agency, string Region, int Year, Report? Before);

    private static GeneratedReport Create(int seed, int index, double inconsistentShare, PanelYear? before)
    {
        var rng = RandomFor(seed, index);
        var (agency, region) = Agency(rng);
        var year = 2019 + rng.Next(6);
        if (before is not null) (agency, region, year) = (before.Agency, before.Region, before.Year);
        var template = year <= 2020 ? Template.Template2019 : Template.Template2021;

        var rows = Applications(rng, template, before?.Before?.Applications);
        var review = ReviewAndLitigation(rng);
        var active = ActiveDisclosure(rng, template);
        // A few agencies lose count of their documents in force from one year to the next (rule 7).
        var keepsCount = RandomFor(seed, index, salt: 2).NextDouble() >= inconsistentShare / 3;
        if (before?.Before is { } last && template == Template.Template2021 && keepsCount)
        {
            static DocumentCounts Flow(DocumentCounts now, DocumentCounts then)
            {
                // An agency cannot repeal more documents than it has.
                var available = (then.InForce ?? 0) + (now.Issued ?? 0);
                var repealed = Math.Min(now.Repealed ?? 0, available);
                return now with { Repealed = repealed, InForce = available - repealed };
            }

            active = active with
            {
                Regulations = Flow(active.Regulations, last.ActiveDisclosure.Regulations),
                NormativeDocuments = Flow(active.NormativeDocuments, last.ActiveDisclosure.NormativeDocuments),
            };
        }

        var (items, figure, categories) = ItemsPublished(rng);
        DateOnly? published = rng.NextDouble() < 0.7 ? PublicationDate(rng, year) : null;

        // Whether and how to break a cell comes from a stream of its own, so that a report is the
        // same whatever the share, except for the one cell broken on purpose.
        var injected = new List<Finding>();
        var breaker = RandomFor(seed, index, salt: 1);
        if (breaker.NextDouble() < inconsistentShare) Break(breaker, template, rows, review, injected);
        var table = new ApplicationTable(rows.ToDictionary(kv => kv.Key, kv => kv.Value.Select(v => (int?)v).ToArray()));
        var reviewTable = ReviewLitigation.FromFlat(review.Select(v => (int?)v).ToArray());

        var report = new Report(
            agency, region, year, template, published,
            items == ItemsStatement.Total ? figure : null,
            active, table, reviewTable, [],
            StatedFigures.None, Completeness.Complete);
        return new GeneratedReport(index, report, injected, items, figure, categories, rng.Next());
    }

    /// <summary>
    /// The hardest table 三 for a parser of run-together digits: every cell of a 2021-template table a
    /// three- or four-digit number (the total column of the flow rows five), consistent by every rule.
    /// For benchmarks of run-together recovery; not part of any corpus.
    /// </summary>
    public static GeneratedReport Dense(int seed)
    {
        var g = Create(seed, 0, 0);
        var rng = RandomFor(seed, 0, salt: 3);
        var rows = DisposalCategories.For(Template.Template2021).ToDictionary(c => c.Code, _ => new int?[ApplicantTypes.Count]);
        var outcomes = DisposalCategories.Outcomes(Template.Template2021).Select(c => c.Code).ToList();
        for (var c = 0; c < ApplicantTypes.TotalIndex; c++)
        {
            foreach (var code in outcomes) rows[code][c] = 100 + rng.Next(300);
            var processed = outcomes.Sum(code => rows[code][c]!.Value);
            var over = 100 + rng.Next(900);
            var forward = 100 + rng.Next(900);
            rows["total_processed"][c] = processed;
            rows["carried_over"][c] = over;
            rows["carried_forward"][c] = forward;
            rows["new_received"][c] = processed + forward - over;
        }

        foreach (var row in rows.Values) row[ApplicantTypes.TotalIndex] = row.Take(ApplicantTypes.TotalIndex).Sum();
        var report = g.Report with
        {
            Year = 2023,
            Published = null,
            Template = Template.Template2021,
            ActiveDisclosure = ActiveDisclosure(rng, Template.Template2021),
            Applications = new ApplicationTable(rows),
        };
        return g with { Report = report, Injected = [] };
    }

    private static (string Agency, string Region) Agency(Random rng)
    {
        var department = Departments[rng.Next(Departments.Length)];
        if (rng.NextDouble() < 0.05) return ("赣州经济技术开发区" + (department == "人民政府办公室" ? "党政办公室" : department), "3607");
        var regions = UniqueRegions.Value;
        var region = regions[rng.Next(regions.Length)];
        var name = region.Level == RegionLevel.Province && department.EndsWith('局') ? department[..^1] + "厅" : department;
        return (region.Name + name, region.Code);
    }

    private static (string Agency, string Region) PanelAgency(int a)
    {
        var regions = UniqueRegions.Value;
        // 7919 is prime, so consecutive agencies land in regions spread over the country, each pair once.
        var region = regions[(int)((long)(a / Departments.Length) * 7919 % regions.Length)];
        var department = Departments[a % Departments.Length];
        var name = region.Level == RegionLevel.Province && department.EndsWith('局') ? department[..^1] + "厅" : department;
        return (region.Name + name, region.Code);
    }

    /// <param name="before">The agency's table of the year before, whose 结转下年度 becomes this year's 上年结转.</param>
    private static Dictionary<string, int[]> Applications(Random rng, Template template, ApplicationTable? before)
    {
        var outcomes = DisposalCategories.Outcomes(template).Select(c => c.Code).ToArray();
        var rows = DisposalCategories.For(template).ToDictionary(c => c.Code, _ => new int[ApplicantTypes.Count]);
        var scale = rng.NextDouble() switch
        {
            < 0.4 => 0,
            < 0.85 => 12,
            _ => 4000,
        };

        for (var c = 0; c < ApplicantTypes.TotalIndex; c++)
        {
            // Natural persons file most applications; research bodies and legal services few.
            var weight = c switch { 0 => 1.0, 1 => 0.4, 5 => 0.2, _ => 0.08 };
            var received = scale == 0 ? 0 : (int)(rng.Next(scale + 1) * weight);
            var carried = scale == 0 || rng.NextDouble() < 0.6 ? 0 : rng.Next(Math.Max(1, received / 5) + 1);
            if (before is not null) carried = before["carried_forward", c] ?? 0;
            var forward = rng.NextDouble() < 0.6 ? 0 : rng.Next((received + carried) / 4 + 1);
            var processed = received + carried - forward;
            rows["new_received"][c] = received;
            rows["carried_over"][c] = carried;
            rows["carried_forward"][c] = forward;
            rows["total_processed"][c] = processed;

            // Most applications are granted; the rest spread over a few reasons.
            var left = processed;
            var granted = (int)(left * (0.3 + (rng.NextDouble() * 0.5)));
            rows["granted"][c] = granted;
            left -= granted;
            while (left > 0)
            {
                var code = outcomes[1 + rng.Next(outcomes.Length - 1)];
                var part = left <= 3 ? left : 1 + rng.Next(left / 2 + 1);
                rows[code][c] += part;
                left -= part;
            }
        }

        foreach (var row in rows.Values) row[ApplicantTypes.TotalIndex] = row.Take(ApplicantTypes.TotalIndex).Sum();
        return rows;
    }

    private static int[] ReviewAndLitigation(Random rng)
    {
        var values = new int[15];
        if (rng.NextDouble() < 0.5) return values;
        for (var g = 0; g < 3; g++)
        {
            for (var i = 0; i < 4; i++) values[(g * 5) + i] = rng.NextDouble() < 0.6 ? 0 : rng.Next(6);
            values[(g * 5) + 4] = values.Skip(g * 5).Take(4).Sum();
        }

        return values;
    }

    private static ActiveDisclosure ActiveDisclosure(Random rng, Template template)
    {
        int Small(int max) => rng.NextDouble() < 0.5 ? 0 : rng.Next(max + 1);
        if (template == Template.Template2021)
        {
            var regulationsInForce = Small(30);
            var normativeInForce = Small(120);
            var fee = rng.NextDouble() < 0.7 ? 0m : Math.Round((decimal)(rng.NextDouble() * 500), 2);
            return new ActiveDisclosure(
                new DocumentCounts(Small(3), Small(2), regulationsInForce),
                new DocumentCounts(Small(20), Small(10), normativeInForce),
                Small(3000), Small(800), Small(60), fee);
        }

        var columns = new Dictionary<string, decimal?>();
        void Put(string item, params int[] values)
        {
            var names = item switch
            {
                "regulations" or "normative_documents" => new[] { "new_made", "new_published", "total_published" },
                "fees" => ["last_year_items", "change"],
                "procurement" => ["projects", "amount_10k_yuan"],
                _ => ["last_year_items", "change", "decisions"],
            };
            for (var i = 0; i < names.Length; i++) columns[$"{item}.{names[i]}"] = values[i];
        }

        int Change() => rng.NextDouble() < 0.6 ? 0 : rng.Next(-3, 6);
        int[] Documents() { var made = Small(15); return [made, made, made + Small(80)]; }
        var regulations = Documents();
        var normative = Documents();
        var licensing = new[] { Small(200), Change(), Small(3000) };
        var services = new[] { Small(50), Change(), Small(500) };
        var penalty = new[] { Small(100), Change(), Small(800) };
        var enforcement = new[] { Small(20), Change(), Small(60) };
        Put("regulations", regulations);
        Put("normative_documents", normative);
        Put("licensing", licensing);
        Put("other_services", services);
        Put("penalty", penalty);
        Put("enforcement", enforcement);
        Put("fees", Small(10), Change());
        Put("procurement", Small(40), 0);
        columns["procurement.amount_10k_yuan"] = rng.NextDouble() < 0.5 ? 0m : Math.Round((decimal)(rng.NextDouble() * 900), 2);
        return new ActiveDisclosure(
            new DocumentCounts(regulations[0], null, regulations[2]),
            new DocumentCounts(normative[0], null, normative[2]),
            licensing[2], penalty[2], enforcement[2], null, columns);
    }

    private static void Break(Random rng, Template template, Dictionary<string, int[]> rows, int[] review, List<Finding> injected)
    {
        var bump = 1 + rng.Next(9);
        switch (rng.Next(3))
        {
            case 0:
            {
                var outcomes = DisposalCategories.Outcomes(template).Select(c => c.Code).ToArray();
                var row = outcomes[rng.Next(outcomes.Length)];
                var c = rng.Next(ApplicantTypes.TotalIndex);
                rows[row][c] += bump;
                injected.Add(new Finding("total_row", Severity.Error, $"{row} × {ApplicantTypes.CodeAt(c)} raised by {bump}", "total_processed", ApplicantTypes.CodeAt(c)));
                injected.Add(new Finding("total_column", Severity.Error, $"{row} × {ApplicantTypes.CodeAt(c)} raised by {bump}", row, "total"));
                break;
            }

            case 1:
            {
                var c = rng.Next(ApplicantTypes.TotalIndex);
                rows["carried_forward"][c] += bump;
                injected.Add(new Finding("balance", Severity.Error, $"carried_forward × {ApplicantTypes.CodeAt(c)} raised by {bump}", "carried_forward", ApplicantTypes.CodeAt(c)));
                injected.Add(new Finding("total_column", Severity.Error, $"carried_forward × {ApplicantTypes.CodeAt(c)} raised by {bump}", "carried_forward", "total"));
                break;
            }

            default:
            {
                var g = rng.Next(3);
                review[(g * 5) + rng.Next(4)] += bump;
                injected.Add(new Finding("review_total", Severity.Error, $"an outcome of {ReviewLitigation.Proceedings[g]} raised by {bump}", ReviewLitigation.Proceedings[g], "total"));
                break;
            }
        }
    }

    private static (ItemsStatement, int, IReadOnlyList<(string, int)>) ItemsPublished(Random rng)
    {
        string[] names = ["工作动态", "政策文件", "通知公告", "财政预决算", "人事信息", "规划计划"];
        var categories = names.Take(3 + rng.Next(4)).Select(n => (n, rng.NextDouble() < 0.2 ? 0 : rng.Next(1, rng.NextDouble() < 0.2 ? 3000 : 200))).ToList();
        var total = categories.Sum(c => c.Item2);
        var kind = rng.NextDouble() switch
        {
            < 0.5 => ItemsStatement.Total,
            < 0.75 => ItemsStatement.PerCategory,
            _ => ItemsStatement.Vague,
        };
        return (kind, kind == ItemsStatement.Vague ? Math.Max(10, total / 10 * 10) : total, categories);
    }

    private static DateOnly PublicationDate(Random rng, int year) =>
        rng.NextDouble() < 0.75
            ? new DateOnly(year + 1, 1, 5 + rng.Next(27))
            : new DateOnly(year + 1, 2 + rng.Next(2), 1 + rng.Next(28));
}
