using System.Globalization;
using System.Text.Json.Nodes;

namespace Warehouse.Parsing.Tests;

/// <summary>Compares the table cells of two reports in the JSON contract.</summary>
internal static class Cells
{
    public static List<string> Differences(JsonObject expected, JsonObject actual)
    {
        var wrong = new List<string>();
        foreach (var table in new[] { "applications", "review_litigation", "active_disclosure" })
        {
            Compare(table, expected[table], actual[table], wrong);
        }

        return wrong;
    }

    private static void Compare(string path, JsonNode? e, JsonNode? a, List<string> wrong)
    {
        switch (e)
        {
            case JsonObject eo:
                foreach (var (key, value) in eo) Compare($"{path}.{key}", value, (a as JsonObject)?[key], wrong);
                break;
            case JsonArray ea:
                for (var i = 0; i < ea.Count; i++) Compare($"{path}.{i}", ea[i], a is JsonArray aa && i < aa.Count ? aa[i] : null, wrong);
                break;
            default:
                var ev = e?.GetValue<decimal>();
                var av = a is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : (decimal?)null;
                if (ev != av) wrong.Add($"{path} = {av?.ToString(CultureInfo.InvariantCulture) ?? "null"} (expected {ev?.ToString(CultureInfo.InvariantCulture) ?? "null"})");
                break;
        }
    }
}
