using System.Text.RegularExpressions;
using Shouldly;

namespace Warehouse.Cli.Tests;

/// <summary>Users read findings in Chinese: every rule the parser and the checks raise has a Chinese name.</summary>
public sealed partial class FindingTextTests
{
    [Fact]
    public void Every_rule_the_parser_and_the_checks_raise_has_a_chinese_name()
    {
        var rules = new[] { "Warehouse.Parsing", "Warehouse.Validation" }
            .SelectMany(p => Directory.GetFiles(Path.Combine(Repo.Root, "etl", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => RaisedRule().Matches(File.ReadAllText(f)).Select(m => m.Groups["rule"].Value))
            .Distinct()
            .ToList();

        rules.ShouldNotBeEmpty();
        rules.Where(r => FindingText.RuleName(r) == r).ShouldBeEmpty("rules without a Chinese name in FindingText");
    }

    // new Finding("rule", …) and Finding.Warning("rule", …).
    [GeneratedRegex(@"(?:new Finding|Finding\.Warning)\(\s*""(?<rule>[a-z_]+)""")]
    private static partial Regex RaisedRule();
}
