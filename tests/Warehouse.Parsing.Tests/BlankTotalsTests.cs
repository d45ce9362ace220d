using System.Text;
using System.Text.RegularExpressions;
using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// Table 三 with 总计 filled only in its four frame rows, every outcome row's total left blank
/// (Shanghai's 2019 report prints it so): a blank total beside applicants who are not all zero is
/// no zero, and is the sum of its row, marked derived. Read as zero, it raised a total_column error
/// on every outcome row of a report that adds up.
/// </summary>
public sealed partial class BlankTotalsTests
{
    private static readonly string[] Frame = ["本年新收", "上年结转", "总计", "结转下年度"];

    [Fact]
    public void Blank_totals_of_the_outcome_rows_are_the_sums_of_their_rows_not_zeros()
    {
        var html = File.ReadAllText(RealReports.File("pingtan-2024-portal"));
        var blanked = 0;
        var changed = TableRow().Replace(html, m =>
        {
            var row = m.Value;
            var text = Regex.Replace(row, "<[^>]+>", "");
            // Outcome rows of table 三: a numbered reason or （一）/（二）, with seven cells of numbers after it.
            if (Frame.Any(f => text.Contains(f, StringComparison.Ordinal)) || !Regex.IsMatch(text, @"(?:予以公开|部分公开|\d\.\D).*\d$", RegexOptions.Singleline)) return row;
            var last = LastCellNumber().Match(row);
            if (!last.Success) return row;
            blanked++;
            return row[..last.Groups[1].Index] + row[(last.Groups[1].Index + last.Groups[1].Length)..];
        });
        blanked.ShouldBe(21);

        var reading = RealReports.Read(Encoding.UTF8.GetBytes(changed), "pingtan-2024-portal");
        RealReports.WrongCells(RealReports.Expected("pingtan-2024-portal"), reading).ShouldBeEmpty();
        reading.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Message).ShouldBeEmpty();
        var warning = reading.Findings.Single(f => f.Rule == "total_blank");
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Message.ShouldStartWith("表三有 ");
        reading.Parse.Report!.Derived.ShouldContain("applications.granted.6");
        // A row of zeros with a blank total is zero, as any blank cell: not listed as derived.
        reading.Parse.Report.Derived.ShouldNotContain("applications.denied_prohibited_by_law.6");
    }

    [Fact]
    public void A_blank_total_beside_a_cell_that_cannot_be_read_is_not_taken_for_zero()
    {
        var html = File.ReadAllText(RealReports.File("pingtan-2024-portal"));
        var changed = TableRow().Replace(html, m =>
        {
            var row = m.Value;
            if (!Regex.Replace(row, "<[^>]+>", "").Contains("（一）予以公开", StringComparison.Ordinal)) return row;
            var last = LastCellNumber().Match(row);
            row = row[..last.Groups[1].Index] + row[(last.Groups[1].Index + last.Groups[1].Length)..];
            // 自然人 "71" written as no exact figure.
            return row.Replace(">71<", ">70余<", StringComparison.Ordinal);
        });

        var reading = RealReports.Read(Encoding.UTF8.GetBytes(changed), "pingtan-2024-portal");
        var granted = reading.Parse.Report!.Applications.Row("granted")!;
        granted[0].ShouldBeNull();
        (granted[6] is null or 71).ShouldBeTrue($"the total is unknown or recovered from the rules, never 0 (got {granted[6]})");
        reading.Findings.ShouldContain(f => f.Rule == "unreadable_cell" && f.Severity == Severity.Error);
    }

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRow();

    // The number in the row's last cell: "<p …>71</p></td></tr>".
    [GeneratedRegex(@">(\d+)</p></td></tr>$")]
    private static partial Regex LastCellNumber();
}
