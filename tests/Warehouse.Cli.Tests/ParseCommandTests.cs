using System.Text.Json.Nodes;
using Shouldly;

namespace Warehouse.Cli.Tests;

public sealed class ParseCommandTests
{
    [Fact]
    public async Task Parse_json_prints_the_contract_for_one_file()
    {
        var (code, output, error) = await Repo.Cli("parse", Repo.SeedText("001"), "--json");
        code.ShouldBe(0, error);
        var json = JsonNode.Parse(output)!.AsObject();
        json["agency"]!.GetValue<string>().ShouldBe("和田地区商务局");
        json["region_code"]!.GetValue<string>().ShouldBe("6532");
        json["applications"]!["new_received"]!.AsArray().Count.ShouldBe(7);
        json["findings"].ShouldBeOfType<JsonArray>();
    }

    [Fact]
    public async Task Parse_json_prints_an_array_for_several_files()
    {
        var (code, output, _) = await Repo.Cli("parse", Repo.SeedText("000"), Repo.SeedText("002"), "--json");
        code.ShouldBe(0);
        JsonNode.Parse(output)!.AsArray().Select(n => n!["agency"]!.GetValue<string>())
            .ShouldBe(["赣县区商务局", "赣州经济技术开发区党政办公室"]);
    }

    [Fact]
    public async Task Parse_without_json_prints_a_readable_summary()
    {
        var (code, output, _) = await Repo.Cli("parse", Repo.SeedText("002"));
        code.ShouldBe(0);
        output.ShouldContain("赣州经济技术开发区党政办公室");
        output.ShouldContain("3607 (江西省 赣州市)");
        output.ShouldContain("normative_documents.issued = 13");
        output.ShouldContain("2024-01-30");
    }

    [Fact]
    public async Task Missing_file_gives_one_line_naming_it_and_exit_2()
    {
        var (code, output, error) = await Repo.Cli("parse", "/nonexistent/report.pdf");
        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.Trim().ShouldBe("warehouse: /nonexistent/report.pdf: no such file");
    }

    [Fact]
    public async Task File_over_max_size_is_refused_without_reading_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.pdf");
        await using (var f = File.Create(path)) f.SetLength(200L * 1024 * 1024);
        try
        {
            var (code, _, error) = await Repo.Cli("parse", path, "--max-size", "64");
            code.ShouldBe(2);
            error.ShouldContain("over the size limit of 64 MB");
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Region_hint_is_accepted()
    {
        var (code, output, _) = await Repo.Cli("parse", Repo.SeedText("003"), "--json", "--region-hint", "51");
        code.ShouldBe(0);
        JsonNode.Parse(output)!["region_code"]!.GetValue<string>().ShouldBe("511725");
    }
}
