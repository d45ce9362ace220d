using System.Text;
using Warehouse.Core;
using Warehouse.Corpus.Oracle;
using Warehouse.Corpus.Rendering;

namespace Warehouse.Corpus;

/// <summary>
/// The text-stream layout with its expectation: the report printed with its cells run together,
/// and what the oracle (<see cref="RunTogether"/>) says a correct parser reads from it. Some
/// reports are built on purpose so that the template's rules cannot decide a row ("220000022" as
/// 22,0,… or 2,20,…): their expected JSON leaves exactly those cells null and lists them as ambiguous.
/// </summary>
public static class TextStreamRendition
{
    /// <summary>Share of consistent text-stream reports whose tables 三 (and often 四) are built to stay ambiguous.</summary>
    public const double ConstructedRate = 0.12;

    /// <summary>
    /// Share of text-stream documents whose tables 三 and 四 write zeros as "-", "/" or nothing, cells run together
    /// (html-to-text's text of a page whose cells hold bare text): <see cref="TextStreamRenderer.Render"/>.
    /// </summary>
    public const double VanishingRate = 0.25;

    /// <summary>Whether the document of this layout seed (not one constructed ambiguous) writes zeros as marks or blanks: <see cref="VanishingRate"/>.</summary>
    public static bool WritesZerosAsMarks(int seed) => new Random(unchecked((seed * 31) + 47)).NextDouble() < VanishingRate;

    /// <summary>Share of text-stream documents saved decoded twice (read as ISO-8859-1, written as UTF-8); see <c>CorpusWriter.Produce</c>.</summary>
    public const double TwiceDecodedRate = 0.15;

    /// <summary>The report as printed (a constructed one replaces the generated values), its bytes, and its expectation.</summary>
    public sealed record Made(GeneratedReport Printed, byte[] Bytes, Report Expected, IReadOnlyList<Finding> Findings, bool Constructed);

    public static Made Make(GeneratedReport g, Quirks quirks, int seed, bool runTogether = false)
    {
        var rng = new Random(seed);
        var construct = rng.NextDouble() < ConstructedRate && g.Injected.Count == 0 && !runTogether;
        var report = construct ? Construct(g, quirks, new Random(rng.Next())) : g;
        var textSeed = rng.Next();
        // Zeros written as marks or left blank, from a stream of its own so that other documents print as before.
        var vanishing = !construct && !runTogether && WritesZerosAsMarks(seed);
        var parts = Composer.Compose(report, quirks);
        var activeItems = parts.OfType<TablePart>().Single(p => p.Grid.Name == Tables.ActiveName).Grid.Keys.OfType<string>().ToList();
        // A constructed report keeps table 二's boundaries, so that only the constructed cells are ambiguous.
        var keep = new HashSet<string>(construct ? activeItems : []);
        while (true)
        {
            // A constructed table is printed without stray spaces: one between "aa" and "0" would decide the row.
            var printed = TextStreamRenderer.Render(parts, textSeed, keep, runTogether || construct, vanishing);
            if (runTogether) return new Made(report, Encoding.UTF8.GetBytes(printed.Text), report.Report, report.Injected, construct);
            var (values, retry) = Read(printed, report, quirks, activeItems);
            if (retry is not null)
            {
                // Over the oracle's cap, or a group row that would not read one way: print that row with its boundaries.
                if (!keep.Add(retry)) throw new InvalidOperationException($"Report {g.Index}: row {retry} cannot be read even with its boundaries.");
                continue;
            }

            var (expected, findings) = Expectation.For(report, quirks, values);
            return new Made(report, Encoding.UTF8.GetBytes(printed.Text), expected, findings, construct);
        }
    }

    private static (Expectation.StreamValues? Values, string? Retry) Read(TextStreamRenderer.Printed printed, GeneratedReport report, Quirks quirks, List<string> activeItems)
    {
        var template = report.Report.Template;
        var outcomes = DisposalCategories.Outcomes(template).Select(c => c.Group == quirks.Collapsed ? "group:" + c.Group : c.Code).Distinct().ToList();
        var vanish = RunTogether.CellsVanish(printed.Table3Keys.Select(k => printed.Rows[k]));
        var three = RunTogether.TableThree(printed.Table3Keys.Select(k => (k, printed.Rows[k])).ToList(), outcomes, vanish);
        if (three.TooMany is { } over) return (null, over);
        var group = three.Cells.FirstOrDefault(kv => kv.Key.StartsWith("group:", StringComparison.Ordinal) && kv.Value.Any(v => v is null)).Key;
        if (group is not null) return (null, group);

        var four = RunTogether.TableFour(printed.Rows["review"], vanish);
        if (four.TooMany is { } review) return (null, review);

        var active = new Dictionary<string, decimal?[]>();
        var ambiguous = new List<string>(three.Ambiguous);
        ambiguous.AddRange(four.Ambiguous);
        var findings = new List<Finding>(three.Findings);
        findings.AddRange(four.Findings);
        foreach (var item in activeItems)
        {
            var paths = ActivePaths(item, template);
            var readings = Cuts.Of(printed.Rows[item], paths.Count, vanish);
            if (readings is null) return (null, item);
            var (values, unknown, finding) = RunTogether.ActiveRow(item, readings, paths, Composer.StatedActive(report, item));
            active[item] = values;
            ambiguous.AddRange(unknown);
            if (finding is not null) findings.Add(finding);
        }

        return (new Expectation.StreamValues(three.Cells, four.Cells["review"], active, ambiguous, findings), null);
    }

    /// <summary>The cell paths of a row of table 二, as <see cref="Report.Ambiguous"/> names them.</summary>
    public static IReadOnlyList<string> ActivePaths(string item, Template template) =>
        template == Template.Template2021
            ? item switch
            {
                "regulations" or "normative_documents" => [$"active_disclosure.{item}.issued", $"active_disclosure.{item}.repealed", $"active_disclosure.{item}.in_force"],
                "fees" => ["active_disclosure.fees_10k_yuan"],
                _ => [$"active_disclosure.{item}"],
            }
            : Tables.Columns2019[item].Select(n => $"active_disclosure.template_2019_columns.{item}.{n}").ToList();

    /// <summary>
    /// A report whose run-together rows the rules cannot decide: 本年新收, one outcome row and （七）总计
    /// print the same "…aa0…aa" (a,a0 or aa,0 both add up), 上年结转 and 结转下年度 are zero, and table 四
    /// often holds "aa000aa" likewise. Every other cell is zero, so the ambiguity is exactly the constructed one.
    /// </summary>
    public static GeneratedReport Construct(GeneratedReport g, Quirks quirks, Random rng)
    {
        var r = g.Report;
        var rows = DisposalCategories.For(r.Template).ToDictionary(c => c.Code, _ => new int?[ApplicantTypes.Count]);
        foreach (var row in rows.Values) Array.Fill(row, 0);
        var a = 1 + rng.Next(9);
        var column = rng.Next(ApplicantTypes.TotalIndex - 1);
        var outcomes = DisposalCategories.Outcomes(r.Template).Where(c => c.Group != quirks.Collapsed).ToList();
        var outcome = outcomes[rng.Next(outcomes.Count)].Code;
        foreach (var code in new[] { "new_received", outcome, "total_processed" })
        {
            rows[code][column] = 11 * a;
            rows[code][ApplicantTypes.TotalIndex] = 11 * a;
        }

        var review = new int?[15];
        Array.Fill(review, 0);
        if (rng.NextDouble() < 0.6)
        {
            var b = 1 + rng.Next(9);
            var proceeding = rng.Next(3);
            review[(proceeding * 5) + rng.Next(3)] = 11 * b;
            review[(proceeding * 5) + 4] = 11 * b;
        }

        var report = r with { Applications = new ApplicationTable(rows), ReviewLitigation = ReviewLitigation.FromFlat(review) };
        return g with { Report = report, Injected = [] };
    }
}
