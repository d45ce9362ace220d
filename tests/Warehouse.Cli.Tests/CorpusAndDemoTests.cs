using System.Text.Json.Nodes;
using Shouldly;

namespace Warehouse.Cli.Tests;

public sealed class CorpusAndDemoTests
{
    [Fact]
    public async Task Corpus_generate_writes_each_report_beside_its_expected_json()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"corpus-{Guid.NewGuid():N}");
        try
        {
            var (code, output, error) = await Repo.Cli("corpus", "generate", "--count", "10", "--seed", "3", "--out", dir, "--layouts", "text-tab,html-hanweb-gbk");
            code.ShouldBe(0, error);
            output.ShouldContain("Wrote 10 reports");
            Directory.GetFiles(dir, "*.expected.json").Length.ShouldBe(10);
            Directory.GetFiles(dir, "*.txt").Length.ShouldBe(5);
            Directory.GetFiles(dir, "*.html").Length.ShouldBe(5);
            Directory.GetFiles(dir, "*.tmp").ShouldBeEmpty();
            JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!.AsArray().Count.ShouldBe(10);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task Corpus_generate_with_an_unknown_layout_names_the_known_ones()
    {
        var (code, _, error) = await Repo.Cli("corpus", "generate", "--count", "1", "--out", Path.GetTempPath(), "--layouts", "xls");
        code.ShouldBe(2);
        error.ShouldContain("unknown layout xls");
        error.ShouldContain("text-tab");
    }

    [Fact]
    public async Task Demo_generates_reads_and_summarises_every_layout()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"demo-{Guid.NewGuid():N}");
        try
        {
            var (code, output, error) = await Repo.Cli("demo", "--count", "6", "--out", dir);
            code.ShouldBe(0, error);
            output.ShouldContain("Read 6 of 6 reports");
            foreach (var layout in new[] { "text-tab-rows", "text-cell-per-line", "html", "docx", "pdf" }) output.ShouldContain(layout);
            Directory.GetFiles(dir, "*.pdf").Length.ShouldBe(1);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
