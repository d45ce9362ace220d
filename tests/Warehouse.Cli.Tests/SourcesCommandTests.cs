using Shouldly;

namespace Warehouse.Cli.Tests;

public sealed class SourcesCommandTests
{
    [Fact]
    public async Task Sources_list_shows_the_shipped_sources()
    {
        var (code, output, _) = await Repo.Cli("sources", "list", "--sources", Path.Combine(Repo.Root, "etl", "sources"));
        code.ShouldBe(0);
        output.ShouldContain("sample-trs");
        output.ShouldContain("360704 赣县区");
    }

    [Fact]
    public async Task Sources_check_names_each_mistake_with_its_line_and_exits_1()
    {
        var dir = Directory.CreateTempSubdirectory("sources-check-");
        try
        {
            var bad = Path.Combine(dir.FullName, "bad.yaml");
            await File.WriteAllTextAsync(bad, "titel: 某县人民政府\nregion: \"360704\"\nprofile: trss\nstart: [www.x.gov.cn/list.html]\n", TestContext.Current.CancellationToken);
            var (code, output, _) = await Repo.Cli("sources", "check", bad, Path.Combine(Repo.Root, "etl", "sources", "sample-trs.yaml"));
            code.ShouldBe(1);
            output.ShouldContain($"{bad}:1: unknown key 'titel' (did you mean 'title'?)");
            output.ShouldContain($"{bad}:3: profile 'trss' is unknown; the profiles are trs, hanweb, generic");
            output.ShouldContain($"{bad}:4: start URL 'www.x.gov.cn/list.html' is not an absolute http or https address");
            output.ShouldContain("sample-trs.yaml: ok: sample-trs");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Crawl_refuses_an_unknown_source_and_a_bad_user_agent_with_a_sentence()
    {
        var folder = Path.Combine(Repo.Root, "etl", "sources");
        var (code, _, err) = await Repo.Cli("crawl", "--sources", folder, "--source", "nope", "--db", Path.Combine(Path.GetTempPath(), "never.db"));
        code.ShouldBe(2);
        err.ShouldContain("no source named 'nope'");
        err.ShouldContain("sample-trs");

        var start = new System.Diagnostics.ProcessStartInfo(Path.Combine(Repo.Root, "warehouse")) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Repo.Root };
        foreach (var a in new[] { "crawl", "--sources", folder, "--db", Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.db") }) start.ArgumentList.Add(a);
        start.Environment["WAREHOUSE_USER_AGENT"] = "(no product token)";
        using var p = System.Diagnostics.Process.Start(start)!;
        var stderr = await p.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await p.WaitForExitAsync(TestContext.Current.CancellationToken);
        p.ExitCode.ShouldBe(2);
        stderr.ShouldContain("cannot crawl: UserAgent '(no product token)' should start with a product token");
        stderr.ShouldNotContain("internal error");
    }
}
