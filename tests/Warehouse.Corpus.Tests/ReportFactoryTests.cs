using System.Text.Json.Nodes;
using Shouldly;
using Warehouse.Core.Regions;
using Warehouse.Core;

namespace Warehouse.Corpus.Tests;

public sealed class ReportFactoryTests
{
    private const int Sample = 3000;

    private static readonly IReadOnlyList<GeneratedReport> Reports =
        Enumerable.Range(0, Sample).Select(i => ReportFactory.Create(2024, i, 0.15)).ToList();

    private static string Json(GeneratedReport g) => ReportJson.Serialize(g.Report, g.Injected);

    [Fact]
    public void Same_seed_and_index_give_the_same_report()
    {
        foreach (var i in new[] { 0, 1, 17, 999, 123_456 })
        {
            Json(ReportFactory.Create(5, i, 0.15)).ShouldBe(Json(ReportFactory.Create(5, i, 0.15)));
        }
    }

    [Fact]
    public void A_panel_is_the_same_agencies_every_year_carrying_over_what_they_carried_forward()
    {
        var panel = new Panel(2020, 5);
        var reports = Enumerable.Range(0, 200 * panel.Years).Select(i => ReportFactory.CreateInPanel(3, i, 0, panel)).ToList();
        var agencies = reports.GroupBy(r => r.Report.Agency).ToList();
        agencies.Count.ShouldBe(200, "each agency has a name of its own");
        agencies.ShouldAllBe(a => a.Select(r => r.Report.Year).Order().SequenceEqual(Enumerable.Range(2020, 5)));
        agencies.ShouldAllBe(a => a.Select(r => r.Report.RegionCode).Distinct().Count() == 1);
        foreach (var a in agencies)
        {
            var years = a.OrderBy(r => r.Report.Year).ToList();
            for (var k = 1; k < years.Count; k++)
            {
                for (var c = 0; c < ApplicantTypes.Count; c++)
                {
                    years[k].Report.Applications["carried_over", c].ShouldBe(years[k - 1].Report.Applications["carried_forward", c], "rule 5 holds in a panel without breaks");
                }
            }
        }

        // Report i of the panel is the same whether made alone or after its agency's earlier years.
        Json(ReportFactory.CreateInPanel(3, 7, 0.15, panel)).ShouldBe(Json(ReportFactory.CreateInPanel(3, 7, 0.15, panel)));
    }

    [Fact]
    public void Different_seeds_give_different_reports()
    {
        var same = Enumerable.Range(0, 50).Count(i => Json(ReportFactory.Create(1, i, 0.15)) == Json(ReportFactory.Create(2, i, 0.15)));
        same.ShouldBe(0);
    }

    [Fact]
    public void Consistent_reports_keep_the_balance_total_row_total_column_and_review_rules()
    {
        var consistent = Reports.Where(g => g.Injected.Count == 0).ToList();
        consistent.Count.ShouldBeGreaterThan(Sample / 2);
        foreach (var g in consistent)
        {
            Arithmetic.Breaks(g.Report).ShouldBeEmpty($"report {g.Index}");
        }
    }

    [Fact]
    public void Injected_findings_name_exactly_the_cells_that_break_a_rule()
    {
        var injected = Reports.Where(g => g.Injected.Count > 0).ToList();
        injected.ShouldNotBeEmpty();
        foreach (var g in injected)
        {
            g.Injected.ShouldAllBe(f => f.Severity == Severity.Error && f.Row != null && f.Column != null && f.Message.Length > 0);
            Arithmetic.Breaks(g.Report).OrderBy(b => b.ToString()).ShouldBe(
                Arithmetic.Named(g.Injected).OrderBy(b => b.ToString()), $"report {g.Index}");
        }
    }

    [Fact]
    public void Each_kind_of_injected_inconsistency_occurs()
    {
        var rules = Reports.Where(g => g.Injected.Count > 0).Select(g => string.Join("+", g.Injected.Select(f => f.Rule).Order())).ToHashSet();
        rules.ShouldBe(["total_column+total_row", "balance+total_column", "review_total"], ignoreOrder: true);

        // A changed outcome cell is one of rows 3-23 in one of the six applicant columns.
        var outcomeRows = DisposalCategories.All.Where(c => c.Number is >= 3 and <= 23).Select(c => c.Code).ToHashSet();
        var applicantColumns = ApplicantTypes.All.Take(ApplicantTypes.TotalIndex).Select(a => a.Code).ToHashSet();
        foreach (var f in Reports.SelectMany(g => g.Injected))
        {
            switch (f.Rule)
            {
                case "total_row":
                    f.Row.ShouldBe("total_processed");
                    applicantColumns.ShouldContain(f.Column!);
                    break;
                case "total_column":
                    (outcomeRows.Contains(f.Row!) || f.Row == "carried_forward").ShouldBeTrue(f.Row);
                    f.Column.ShouldBe("total");
                    break;
                case "balance":
                    f.Row.ShouldBe("carried_forward");
                    applicantColumns.ShouldContain(f.Column!);
                    break;
                default:
                    ReviewLitigation.Proceedings.ShouldContain(f.Row!);
                    f.Column.ShouldBe("total");
                    break;
            }
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.15)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void The_share_of_inconsistent_reports_is_the_share_asked_for(double share)
    {
        var broken = Enumerable.Range(0, 2000).Count(i => ReportFactory.Create(9, i, share).Injected.Count > 0) / 2000.0;
        broken.ShouldBe(share, 0.03);
    }

    [Fact]
    public void A_broken_report_differs_from_its_consistent_twin_in_one_cell_only()
    {
        for (var i = 0; i < 200; i++)
        {
            var consistent = JsonNode.Parse(ReportJson.Serialize(ReportFactory.Create(3, i, 0).Report, []))!;
            var broken = JsonNode.Parse(ReportJson.Serialize(ReportFactory.Create(3, i, 1).Report, []))!;
            var cells = Differences(consistent, broken, "").ToList();
            cells.Count.ShouldBe(1, $"report {i}: {string.Join(", ", cells)}");
            cells[0].ShouldMatch(@"^\.(applications|review_litigation)\.");
        }
    }

    [Fact]
    public void Years_2019_and_2020_use_the_2019_template_with_its_own_columns()
    {
        Reports.Select(g => g.Report.Year).Distinct().Order().ShouldBe([2019, 2020, 2021, 2022, 2023, 2024]);
        foreach (var r in Reports.Select(g => g.Report))
        {
            var a = r.ActiveDisclosure;
            if (r.Year <= 2020)
            {
                r.Template.ShouldBe(Template.Template2019);
                r.Applications.Has("other_other").ShouldBeTrue();
                r.Applications.Has("other_no_correction").ShouldBeFalse();
                r.Applications.Has("other_fee_unpaid").ShouldBeFalse();
                var c = a.Template2019Columns.ShouldNotBeNull();
                c.Keys.ShouldBe(Template2019Keys, ignoreOrder: true);
                a.Regulations.ShouldBe(new DocumentCounts((int?)c["regulations.new_made"], null, (int?)c["regulations.total_published"]));
                a.NormativeDocuments.ShouldBe(new DocumentCounts((int?)c["normative_documents.new_made"], null, (int?)c["normative_documents.total_published"]));
                a.Licensing.ShouldBe((int?)c["licensing.decisions"]);
                a.Penalty.ShouldBe((int?)c["penalty.decisions"]);
                a.Enforcement.ShouldBe((int?)c["enforcement.decisions"]);
                a.Fees10kYuan.ShouldBeNull();
            }
            else
            {
                r.Template.ShouldBe(Template.Template2021);
                DisposalCategories.All.ShouldAllBe(c => r.Applications.Has(c.Code));
                a.Template2019Columns.ShouldBeNull();
                new[] { a.Regulations.Repealed, a.NormativeDocuments.Repealed, a.Licensing, a.Penalty, a.Enforcement }.ShouldAllBe(v => v >= 0);
                var fee = a.Fees10kYuan.ShouldNotBeNull();
                (fee * 100).ShouldBe(decimal.Truncate(fee * 100));
            }
        }

        Reports.Count(g => g.Report.ActiveDisclosure.Fees10kYuan is { } f && f != decimal.Truncate(f)).ShouldBeGreaterThan(0);
    }

    private static readonly string[] Template2019Keys =
    [
        "regulations.new_made", "regulations.new_published", "regulations.total_published",
        "normative_documents.new_made", "normative_documents.new_published", "normative_documents.total_published",
        "licensing.last_year_items", "licensing.change", "licensing.decisions",
        "other_services.last_year_items", "other_services.change", "other_services.decisions",
        "penalty.last_year_items", "penalty.change", "penalty.decisions",
        "enforcement.last_year_items", "enforcement.change", "enforcement.decisions",
        "fees.last_year_items", "fees.change", "procurement.projects", "procurement.amount_10k_yuan",
    ];

    [Fact]
    public void Most_reports_are_small_many_are_all_zero_and_some_count_in_thousands()
    {
        var received = Reports.Select(g => g.Report.Applications.Total("new_received")!.Value).ToList();
        var zero = received.Count(n => n == 0) / (double)Sample;
        var large = received.Count(n => n >= 1000) / (double)Sample;
        zero.ShouldBeInRange(0.25, 0.6);
        large.ShouldBeInRange(0.10, 0.20);

        var cells = Reports.SelectMany(g => g.Report.Applications.Rows.SelectMany(r => r.Cells)).ToList();
        cells.ShouldAllBe(v => v >= 0);
        Reports.SelectMany(g => g.Report.ReviewLitigation.Flatten()).ShouldAllBe(v => v >= 0);
    }

    [Fact]
    public void Carried_forward_never_exceeds_what_was_to_be_handled()
    {
        foreach (var g in Reports.Where(g => g.Injected.Count == 0))
        {
            var t = g.Report.Applications;
            for (var c = 0; c < ApplicantTypes.Count; c++)
            {
                t["carried_forward", c]!.Value.ShouldBeLessThanOrEqualTo(t["new_received", c]!.Value + t["carried_over", c]!.Value);
            }
        }
    }

    [Fact]
    public void Items_published_is_set_only_when_the_prose_states_the_years_total()
    {
        var kinds = Reports.GroupBy(g => g.Items).ToDictionary(k => k.Key, k => k.Count() / (double)Sample);
        kinds[ItemsStatement.Total].ShouldBe(0.5, 0.05);
        kinds[ItemsStatement.PerCategory].ShouldBe(0.25, 0.05);
        kinds[ItemsStatement.Vague].ShouldBe(0.25, 0.05);
        foreach (var g in Reports)
        {
            g.Report.ItemsPublished.ShouldBe(g.Items == ItemsStatement.Total ? g.ItemsFigure : null);
        }

        Reports.ShouldContain(g => g.Items == ItemsStatement.Total && g.ItemsFigure >= 1000);
    }

    [Fact]
    public void Most_reports_are_signed_and_dated_mostly_in_January()
    {
        var dated = Reports.Where(g => g.Report.Published is not null).ToList();
        (dated.Count / (double)Sample).ShouldBe(0.7, 0.05);
        foreach (var g in dated)
        {
            var d = g.Report.Published!.Value;
            d.Year.ShouldBe(g.Report.Year + 1);
            d.Month.ShouldBeInRange(1, 3);
        }

        var late = dated.Count(g => g.Report.Published!.Value.Month > 1) / (double)dated.Count;
        late.ShouldBeInRange(0.1, 0.4);
    }

    [Fact]
    public void Agencies_begin_with_a_region_name_that_occurs_once_in_the_division_list()
    {
        var list = DivisionList.Default;
        var byName = list.Regions.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.ToList());
        var zone = 0;
        foreach (var r in Reports.Select(g => g.Report))
        {
            if (r.Agency.StartsWith("赣州经济技术开发区", StringComparison.Ordinal))
            {
                zone++;
                r.RegionCode.ShouldBe("3607");
                r.Agency.Length.ShouldBeGreaterThan("赣州经济技术开发区".Length);
                continue;
            }

            var region = list.Find(r.RegionCode!).ShouldNotBeNull(r.Agency);
            r.Agency.ShouldStartWith(region.Name);
            r.Agency.Length.ShouldBeGreaterThan(region.Name.Length);
            byName[region.Name].Count.ShouldBe(1, $"{region.Name} names more than one region");
            r.RegionCode!.Length.ShouldBeOneOf(2, 4, 6);
        }

        zone.ShouldBeGreaterThan(0);
        Reports.Select(g => g.Report.RegionCode!.Length).Distinct().Order().ShouldBe([2, 4, 6]);
    }

    private static IEnumerable<string> Differences(JsonNode? a, JsonNode? b, string path)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(kv => kv.Key).Union(ob.Select(kv => kv.Key)))
            {
                foreach (var d in Differences(oa[key], ob[key], $"{path}.{key}")) yield return d;
            }
        }
        else if (a is JsonArray aa && b is JsonArray ab && aa.Count == ab.Count)
        {
            for (var i = 0; i < aa.Count; i++)
            {
                foreach (var d in Differences(aa[i], ab[i], $"{path}.{i}")) yield return d;
            }
        }
        else if (!JsonNode.DeepEquals(a, b))
        {
            yield return path;
        }
    }
}
