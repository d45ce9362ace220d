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
        output.ShouldContain("0 error(s)");
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
