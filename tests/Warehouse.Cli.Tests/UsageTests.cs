using Shouldly;

namespace Warehouse.Cli.Tests;

/// <summary>Usage mistakes in words: the option and what it takes, the nearest command, never a .NET type name.</summary>
public sealed class UsageTests
{
    private static async Task<string> MistakeAsync(params string[] args)
    {
        var (code, output, err) = await Repo.Cli(args);
        code.ShouldBe(2, output + err);
        output.ShouldBeEmpty();
        err.ShouldNotContain("System.");
        err.ShouldNotContain("Int32");
        err.ShouldNotContain("Unrecognized command or argument");
        return err;
    }

    [Fact]
    public async Task A_value_of_the_wrong_kind_names_the_option_and_what_it_takes()
    {
        var err = await MistakeAsync("status", "--limit", "abc");
        err.ShouldStartWith("warehouse: --limit 的值应为整数（N），「abc」不是。");
        err.ShouldContain("运行 ./warehouse status --help 查看用法。");

        (await MistakeAsync("status", "--year", "二〇二三")).ShouldContain("--year 的值应为一个年份，如 2023，「二〇二三」不是。");
        (await MistakeAsync("status", "--year")).ShouldContain("--year 后面要写一个年份，如 2023。");
        (await MistakeAsync("parse", Repo.SeedText("000"), "--max-size", "big")).ShouldContain("--max-size 的值应为整数（MB）");
    }

    [Fact]
    public async Task An_unknown_command_or_option_suggests_the_nearest()
    {
        var err = await MistakeAsync("stauts");
        err.ShouldStartWith("warehouse: 没有命令「stauts」，您是不是要输入 status？");
        err.ShouldNotContain("后面要写一个命令", customMessage: "the unknown command is the mistake, not a missing one");

        err = await MistakeAsync("status", "--yeer", "2023");
        err.Trim().Split('\n').Length.ShouldBe(2);
        err.ShouldStartWith("warehouse: status 没有选项 --yeer，您是不是要输入 --year？");

        (await MistakeAsync("sources", "lst")).ShouldContain("您是不是要输入 list？");
        (await MistakeAsync("sources")).ShouldContain("sources 后面要写一个命令：list、check。");
    }

    [Fact]
    public async Task A_missing_option_or_argument_is_named_with_what_it_is()
    {
        (await MistakeAsync("show")).ShouldContain("show 后面要写 AGENCY：机关名称");
        (await MistakeAsync("export", "--dashboard", "报送情况")).ShouldContain("缺少 --out");
        (await MistakeAsync("status", "--limit", "-1")).ShouldContain("--limit -1：应为 0 或正整数（0 显示全部）");
    }

    [Fact]
    public async Task Help_of_status_validate_and_parse_is_Chinese_first()
    {
        foreach (var (command, words) in new[] { ("status", "数据仓库概况"), ("validate", "按勾稽关系核对年报"), ("parse", "读取年报"), ("show", "取出一份已载入报告的原文") })
        {
            var (code, output, _) = await Repo.Cli(command, "--help");
            code.ShouldBe(0);
            output.ShouldContain(words);
        }
    }
}
