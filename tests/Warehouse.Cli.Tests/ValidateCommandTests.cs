using System.Text.Json.Nodes;
using Shouldly;

namespace Warehouse.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Consistent_report_validates_with_exit_0()
    {
        var (code, output, _) = await Repo.Cli("validate", Repo.SeedText("000"));
        code.ShouldBe(0);
        output.ShouldContain("错误 0 条，警告 0 条");
    }

    [Fact]
    public async Task Findings_are_Chinese_sentences_naming_table_row_column_rule_expected_and_actual()
    {
        // Seed 000 with one more application carried forward for natural persons: 结转下年度 no longer balances.
        var lines = File.ReadAllLines(Repo.SeedText("000"));
        var i = Array.FindIndex(lines, l => l.Contains("四、结转下年度继续办理", StringComparison.Ordinal));
        var cells = lines[i].Split('\t');
        var before = int.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture); // the row's label, an empty cell, then 自然人
        cells[3] = (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        lines[i] = string.Join('\t', cells);
        var path = Path.Combine(Path.GetTempPath(), $"unbalanced-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);
        try
        {
            var (code, output, _) = await Repo.Cli("validate", path);
            code.ShouldBe(1);
            output.ShouldContain("：赣县区商务局 2023 年度：错误 2 条，警告 0 条");
            output.ShouldContain($"  错误 表三「四、结转下年度继续办理」自然人列为 {before + 1}，但本年新收 ");
            output.ShouldContain($"应为 {before}（收支平衡）。");
            output.ShouldContain($"  错误 表三「四、结转下年度继续办理」总计列为 ");
            output.ShouldContain("（总计列）。");

            // parse prints the same lines.
            var parse = await Repo.Cli("parse", path);
            foreach (var line in output.Split('\n').Where(l => l.StartsWith("  错误 ", StringComparison.Ordinal))) parse.Out.ShouldContain("  " + line + "\n");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Inconsistent_report_exits_1_and_names_row_column_expected_actual()
    {
        // Seed 000 with 3 applications granted to natural persons, but no total updated.
        var lines = File.ReadAllLines(Repo.SeedText("000"));
        var i = Array.FindIndex(lines, l => l.Contains("（一）予以公开", StringComparison.Ordinal));
        var cells = lines[i].Split('\t');
        cells[2] = "3";
        lines[i] = string.Join('\t', cells);
        var path = Path.Combine(Path.GetTempPath(), $"inconsistent-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);
        try
        {
            var (code, output, _) = await Repo.Cli("validate", path, "--json");
            code.ShouldBe(1);
            var findings = JsonNode.Parse(output)![0]!["findings"]!.AsArray();
            findings.ShouldContain(f => f!["rule"]!.GetValue<string>() == "total_row" && f["row"]!.GetValue<string>() == "total_processed"
                && f["column"]!.GetValue<string>() == "natural_person" && f["expected"]!.GetValue<int>() == 3 && f["actual"]!.GetValue<int>() == 0);
            findings.ShouldContain(f => f!["rule"]!.GetValue<string>() == "total_column" && f["row"]!.GetValue<string>() == "granted"
                && f["column"]!.GetValue<string>() == "total");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
