using System.Text.Json.Nodes;
using Shouldly;
using Warehouse.Core;
using Warehouse.Validation;

namespace Warehouse.Parsing.Tests;

/// <summary>The five real reports against the values transcribed by hand.</summary>
public sealed class SeedGoldenTests
{
    public static TheoryData<string> Seeds() =>
        new(Directory.GetFiles(Fixtures.Dir("Seeds"), "*.txt").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_parses_to_its_hand_transcribed_values(string seed)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Fixtures.Dir("Seeds"), seed + ".txt"));
        var result = ReportParser.Default.Parse(bytes, new ParseOptions(seed));
        result.Rejection.ShouldBeNull();
        var findings = result.Findings.Concat(ReportValidator.Default.Validate(result.Report!)).ToList();
        var actual = JsonNode.Parse(ReportJson.Serialize(result.Report!, findings))!.AsObject();
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Dir("Seeds"), seed + ".expected.json")))!.AsObject();

        var differing = expected
            .Where(kv => kv.Key is not ("file" or "notes"))
            .Where(kv => !JsonNode.DeepEquals(Normalise(kv.Value), Normalise(actual[kv.Key])))
            .Select(kv => $"{kv.Key}: expected {kv.Value?.ToJsonString()} but got {actual[kv.Key]?.ToJsonString()}")
            .ToList();
        if (differing.Count > 0)
        {
            File.WriteAllText(Path.Combine(Fixtures.SourceDir("Seeds"), seed + ".actual.json"), actual.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }

        differing.ShouldBeEmpty();
        findings.Where(f => f.Severity == Severity.Error).ShouldBeEmpty();
    }

    [Fact]
    public void Seed_003_recovers_the_lost_carried_forward_cell_and_says_so()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Fixtures.Dir("Seeds"), "003_f78362fcf04790d2.txt"));
        var result = ReportParser.Default.Parse(bytes, new ParseOptions());
        result.Report!.Derived.ShouldBe(["applications.carried_forward.6"]);
        result.Findings.ShouldContain(f => f.Rule == "derived_value" && f.Row == "carried_forward" && f.Column == "total" && f.Severity == Severity.Warning);
    }

    // 0 and 0.0 are the same amount in the contract.
    private static JsonNode? Normalise(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<decimal>(out var d) => JsonValue.Create(d / 1.0000000000000000000000000000m),
        JsonObject o => new JsonObject(o.Select(kv => KeyValuePair.Create(kv.Key, Normalise(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(Normalise).ToArray()),
        _ => node?.DeepClone(),
    };
}
