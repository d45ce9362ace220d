using Shouldly;

namespace Warehouse.Cli.Tests;

/// <summary>The real ./warehouse launcher: builds once, then runs the CLI; users see help, not stack traces.</summary>
public sealed class LauncherTests
{
    [Fact]
    public void Help_lists_every_command_with_a_description()
    {
        var (code, output, _) = Repo.Launcher("--help");
        code.ShouldBe(0);
        foreach (var command in new[] { "parse", "validate", "corpus", "bench", "demo" }) output.ShouldContain(command);
    }

    [Fact]
    public void Command_help_lists_its_options()
    {
        var (code, output, _) = Repo.Launcher("parse", "--help");
        code.ShouldBe(0);
        output.ShouldContain("--json");
        output.ShouldContain("--region-hint");
    }

    [Fact]
    public void Parse_of_a_non_report_exits_2_with_one_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"noise-{Guid.NewGuid():N}.bin");
        var bytes = new byte[10_000];
        new Random(3).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        try
        {
            var (code, output, error) = Repo.Launcher("parse", path, "--json");
            code.ShouldBe(2);
            output.Trim().ShouldBeEmpty();
            error.Trim().Split('\n').Last().ShouldStartWith($"warehouse: {path}: 二进制数据");
            error.ShouldNotContain("   at ");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
