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
    public async Task Parse_blocks_names_a_page_s_embedded_document_in_chinese()
    {
        var page = Path.Combine(Directory.CreateTempSubdirectory("parse-blocks-").FullName, "viewer.html");
        try
        {
            await File.WriteAllTextAsync(page, "<html><head><meta charset=\"utf-8\"></head><body><h1>某县2023年政府信息公开工作年度报告</h1>"
                + "<iframe src=\"/pdfjs/web/viewer.html?file=%2Fupload%2Fr2023.pdf\"></iframe></body></html>", TestContext.Current.CancellationToken);
            var (code, output, error) = await Repo.Cli("parse", "--blocks", page);
            code.ShouldBe(0, error);
            output.ShouldContain("▣ 内嵌文档 embedded document /upload/r2023.pdf");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(page)!, recursive: true);
        }
    }

    [Fact]
    public async Task Parse_without_json_prints_a_readable_summary()
    {
        var (code, output, _) = await Repo.Cli("parse", Repo.SeedText("002"));
        code.ShouldBe(0);
        output.ShouldContain("赣州经济技术开发区党政办公室");
        output.ShouldContain("地区 region          3607（江西省 赣州市）");
        output.ShouldContain("发布日期 published   2024-01-30");
        output.ShouldContain("问题 findings        无");
    }

    [Fact]
    public async Task Parse_names_cells_as_the_template_prints_them_not_by_internal_codes()
    {
        var (code, output, _) = await Repo.Cli("parse", Repo.SeedText("002"));
        code.ShouldBe(0);
        output.ShouldContain("    表二「行政规范性文件」本年制发件数 13\n");
        output.ShouldContain("    表二「行政规范性文件」现行有效件数 69\n");
        output.ShouldNotContain("normative_documents");
        output.ShouldNotContain("active_disclosure");

        // Generated reports have non-zero cells in every table; none is named by its code.
        var dir = Directory.CreateTempSubdirectory("parse-names-");
        try
        {
            (await Repo.Cli("corpus", "generate", "--count", "3", "--seed", "11", "--out", dir.FullName, "--layouts", "text-tab")).Code.ShouldBe(0);
            var generated = await Repo.Cli(["parse", .. Directory.GetFiles(dir.FullName, "*.txt")]);
            generated.Code.ShouldBe(0, generated.Err);
            generated.Out.ShouldContain("表三「一、本年新收政府信息公开申请数量」：");
            generated.Out.ShouldContain("表四「行政复议」：");
            foreach (var category in Warehouse.Core.DisposalCategories.All) generated.Out.ShouldNotContain(category.Code + " ", customMessage: category.Code);
            foreach (var proceeding in Warehouse.Core.ReviewLitigation.Proceedings) generated.Out.ShouldNotContain(proceeding + ":");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Missing_file_gives_one_line_naming_it_and_exit_2()
    {
        var (code, output, error) = await Repo.Cli("parse", "/nonexistent/report.pdf");
        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.Trim().ShouldBe("warehouse: /nonexistent/report.pdf: 没有这个文件 (no such file)");
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
