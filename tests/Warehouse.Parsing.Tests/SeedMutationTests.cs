using System.Text.Json.Nodes;
using CsCheck;
using Shouldly;
using Warehouse.Core;
using Warehouse.Validation;

namespace Warehouse.Parsing.Tests;

/// <summary>Damaged seeds never crash the parser and never give a wrong cell without an error finding.</summary>
public sealed class SeedMutationTests
{
    private static readonly (string Name, string Text, JsonObject Expected)[] Seeds =
        Directory.GetFiles(Fixtures.Dir("Seeds"), "*.txt").Order()
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f),
                JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(f, null) + ".expected.json"))!.AsObject()))
            .ToArray();

    [Fact]
    public void Mutated_seeds_are_read_right_or_flagged()
    {
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Int[0, Mutations.Kinds - 1], Gen.Int[0, int.MaxValue])
            .Sample((seed, kind, salt) =>
            {
                var (name, text, expected) = Seeds[seed];
                var bytes = Mutations.Apply(text, kind, new Random(salt));
                var result = ReportParser.Default.Parse(bytes, new ParseOptions(name));
                if (result.Report is null)
                {
                    result.Rejection.ShouldNotBeNullOrWhiteSpace();
                    return;
                }

                var findings = result.Findings.Concat(ReportValidator.Default.Validate(result.Report)).ToList();
                var actual = JsonNode.Parse(ReportJson.Serialize(result.Report, findings))!.AsObject();
                var wrong = Cells.Differences(expected, actual);
                if (wrong.Count > 0)
                {
                    findings.ShouldContain(f => f.Severity == Severity.Error,
                        $"{name} after '{Mutations.Describe(kind)}' (salt {salt}) reads {string.Join("; ", wrong)} with no error finding");
                }
            }, iter: 400, threads: 1);
    }
}
