using System.Text;
using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>Table 四 printed with its cells run together, as crawler text keeps it.</summary>
public sealed class RunTogetherReviewTests
{
    private static RealReports.Reading Read(string reviewDigits)
    {
        var text = File.ReadAllText(RealReports.File("pingtan-2021"));
        const string Printed = "尚未审结总计10203120001200000五、";
        text.ShouldContain(Printed);
        var changed = text.Replace(Printed, "尚未审结总计" + reviewDigits + "五、", StringComparison.Ordinal);
        return RealReports.Read(Encoding.UTF8.GetBytes(changed), "pingtan-2021");
    }

    [Fact]
    public void Digits_that_no_reading_makes_add_up_leave_the_table_unknown_with_one_error()
    {
        // Fifteen digits for fifteen cells: the only reading has 3,0,0,0 and 总计 0.
        var reading = Read("300000000000000");
        reading.Parse.Report!.ReviewLitigation.Flatten().ShouldAllBe(v => v == null);
        var error = reading.Findings.Single(f => f.Rule == "missing_cells" && f.Row == "review");
        error.Severity.ShouldBe(Severity.Error);
        error.Message.ShouldContain("表四的数字「300000000000000」连在一起，无法读成各项总计等于前四项之和的十五个数");
        reading.Findings.ShouldNotContain(f => f.Rule == "unreadable_cell");
    }

    [Fact]
    public void Digits_that_add_up_one_way_are_read()
    {
        var reading = Read("10203120001200000");
        reading.Parse.Report!.ReviewLitigation.Flatten().ShouldBe([1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]);
        reading.Findings.ShouldNotContain(f => f.Rule == "missing_cells");
    }
}
