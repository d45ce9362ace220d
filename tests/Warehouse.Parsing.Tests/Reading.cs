using System.Text.Json.Nodes;
using Shouldly;
using Warehouse.Core;
using Warehouse.Validation;

namespace Warehouse.Parsing.Tests;

/// <summary>A document parsed and validated as `parse --json` does, and the comparison of two such readings.</summary>
internal sealed record Reading(JsonObject Json, IReadOnlyList<Finding> Findings)
{
    private static readonly string[] Metadata = ["agency", "region_code", "year", "template", "published", "items_published"];

    public static Reading Of(byte[] bytes, string name = "input", string? contentType = null)
    {
        var parse = ReportParser.Default.Parse(bytes, new ParseOptions(name, contentType));
        parse.Rejection.ShouldBeNull(name);
        var findings = parse.Findings.Concat(ReportValidator.Default.Validate(parse.Report!)).ToList();
        return new(JsonNode.Parse(ReportJson.Serialize(parse.Report!, findings))!.AsObject(), findings);
    }

    /// <summary>The same values (every cell and the report's metadata) and the same findings, by rule and severity.</summary>
    public void ShouldReadLike(Reading reference)
    {
        Cells.Differences(reference.Json, Json).ShouldBeEmpty();
        foreach (var key in Metadata)
        {
            JsonNode.DeepEquals(reference.Json[key], Json[key]).ShouldBeTrue($"{key}: {Json[key]?.ToJsonString()} (expected {reference.Json[key]?.ToJsonString()})");
        }

        Rules(Findings).ShouldBe(Rules(reference.Findings));
    }

    private static List<string> Rules(IEnumerable<Finding> findings) =>
        findings.Select(f => $"{f.Severity} {f.Rule}").Distinct().Order(StringComparer.Ordinal).ToList();
}
