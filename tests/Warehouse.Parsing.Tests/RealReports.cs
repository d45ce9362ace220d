using System.Text.Json.Nodes;
using Shouldly;
using Warehouse.Core;
using Warehouse.Validation;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// Real reports (Fixtures/Real) and their hand-transcribed values, compared as the scoring
/// tool of the review compares them: every stated cell, nulls included, and the error findings
/// allowed by the rules that the stated values themselves break.
/// </summary>
internal static class RealReports
{
    public static readonly string[] Names = ["hongze-2024", "hongze-2024-layout", "pingtan-2021", "pingtan-2024", "pingtan-2024-portal",
        "pingtan-2024-w3m", "pingtan-2024-pandoc", "pingtan-2024-gfm", "pingtan-2024-libreoffice-raw", "pingtan-2024-libreoffice",
        "pingtan-2024-chrome-raw", "pingtan-2024-chrome-mutool", "pingtan-2024-chrome-layout", "pingtan-2024-chrome-bare-mutool",
        "pingtan-2024-markdown-strict", "hongze-2024-fixed3", "hongze-2024-plain", "pingtan-2019-pandoc", "pingtan-2022-pandoc", "pingtan-2019-markdown-strict", "pingtan-2019-gfm", "pingtan-2020-pandoc", "pingtan-2020-libreoffice-layout",
        "pingtan-2019", "pingtan-2020", "pingtan-2022", "pingtan-2023", "pingtan-2025", "pingtan-2019-portal", "pingtan-2020-portal", "pingtan-2021-portal", "pingtan-2022-portal", "pingtan-2023-portal", "pingtan-2025-portal",
        "huaian-2024", "huaian-2024-layout", "hongze-2023", "hongze-2024-pymupdf", "huaian-2024-pymupdf", "hongze-2024-pypdf",
        "pingtan-2024-links", "pingtan-2025-w3m-nograph", "pingtan-2019-html2markdown", "pingtan-2024-html2markdown",
        "pingtan-2019-crawler-rows", "pingtan-2024-crawler-cells", "pingtan-2022-nhm", "hongze-2024-pdfjs", "pingtan-2024-libreoffice-pdfjs",
        "pingtan-2021-weasyprint", "pingtan-2021-weasyprint-layout", "pingtan-2022-chrome-layout",
        "pingtan-2024-libreoffice-pdfminer", "pingtan-2021-weasyprint-pdfminer", "pingtan-2022-soffice-text",
        "hongze-2024-pdfplumber", "hongze-2023-pdfplumber", "huaian-2024-pdfplumber", "pingtan-2024-libreoffice-pymupdf-sorted",
        "pingtan-2024-mathpix", "pingtan-2021-latex-oneline", "pingtan-2022-readability", "hongze-2024-gstxt", "hongze-2024-pdfminer-nolayout",
        "hongze-2024-tsv", "hongze-2024-bbox-layout", "hongze-2024-htmlmeta", "hongze-2024-pdf2xml", "huaian-2024-pdf2xml",
        "kewei-2024-source", "shanghai-office-2025-source", "shanghai-office-2019-article"];

    private static readonly string[] Rows =
    [
        "new_received", "carried_over", "granted", "partially_granted",
        "denied_state_secret", "denied_prohibited_by_law", "denied_three_safeties_one_stability", "denied_third_party_rights", "denied_internal_affairs",
        "denied_process_information", "denied_law_enforcement_file", "denied_administrative_inquiry",
        "unavailable_not_held", "unavailable_needs_creation", "unavailable_still_unclear",
        "not_processed_petition", "not_processed_duplicate", "not_processed_publication", "not_processed_excessive", "not_processed_confirmation",
        "other_no_correction", "other_fee_unpaid", "other_other", "total_processed", "carried_forward",
    ];

    private static readonly string[] Outcomes = Rows[2..23];

    public static string File(string name) =>
        Directory.GetFiles(Fixtures.Dir("Real"), name + ".*").Single(f => !f.EndsWith(".expected.json", StringComparison.Ordinal));

    public static JsonObject Expected(string name) =>
        JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(Fixtures.Dir("Real"), name + ".expected.json")))!.AsObject();

    public sealed record Reading(ParseResult Parse, IReadOnlyList<Finding> Findings, Dictionary<string, JsonNode?> Cells);

    public static Reading Read(byte[] bytes, string name)
    {
        var parse = ReportParser.Default.Parse(bytes, new ParseOptions(name));
        if (parse.Report is null) return new Reading(parse, [], []);
        var findings = parse.Findings.Concat(ReportValidator.Default.Validate(parse.Report)).ToList();
        return new Reading(parse, findings, Flatten(JsonNode.Parse(ReportJson.Serialize(parse.Report, findings))!.AsObject()));
    }

    /// <summary>
    /// Reads a generated report (<paramref name="path"/>, beside its .expected.json) and checks every
    /// cell, every error the expectation lists (rule, row, column), and that no other error is raised.
    /// </summary>
    public static void ShouldReadAsExpected(string path)
    {
        var reading = Read(System.IO.File.ReadAllBytes(path), Path.GetFileName(path));
        var expected = JsonNode.Parse(System.IO.File.ReadAllText(Path.ChangeExtension(path, ".expected.json")))!.AsObject();
        WrongCells(expected, reading).ShouldBeEmpty();
        var errors = expected["findings"]!.AsArray().Where(f => (string?)f!["severity"] is null or "error")
            .Select(f => ((string)f!["rule"]!, (string?)f["row"], (string?)f["column"])).ToList();
        foreach (var (rule, row, column) in errors)
        {
            reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Rule == rule && f.Row == row && f.Column == column, $"{rule} {row} {column}");
        }

        reading.Findings.Where(f => f.Severity == Severity.Error && !errors.Contains((f.Rule, f.Row, f.Column))).Select(f => f.Message).ShouldBeEmpty();
    }

    /// <summary>
    /// Each stated cell of <paramref name="expected"/> that <paramref name="reading"/> gives otherwise,
    /// as "app.granted.0: want 71, got null"; the cells listed as ambiguous are left out.
    /// </summary>
    public static List<string> WrongCells(JsonObject expected, Reading reading)
    {
        var ambiguous = Ambiguous(expected);
        var wrong = new List<string>();
        foreach (var (key, want) in Flatten(expected))
        {
            if ((key == "region_code" && want is null) || ambiguous.Contains(key)) continue;
            var got = reading.Cells.GetValueOrDefault(key);
            if (!Same(want, got)) wrong.Add($"{key}: want {want?.ToJsonString() ?? "null"}, got {got?.ToJsonString() ?? "null"}");
        }

        return wrong;
    }

    /// <summary>The cells of a report in the contract: "agency", "ad.regulations.issued", "app.granted.0", "rl.review.4".</summary>
    public static Dictionary<string, JsonNode?> Flatten(JsonObject d)
    {
        var cells = new Dictionary<string, JsonNode?>();
        foreach (var key in new[] { "agency", "year", "template", "region_code", "published", "items_published" })
        {
            if (d.ContainsKey(key)) cells[key] = d[key];
        }

        if (d["active_disclosure"] is JsonObject ad)
        {
            foreach (var item in new[] { "regulations", "normative_documents" })
            {
                if (ad[item] is JsonObject counts) foreach (var (m, v) in counts) cells[$"ad.{item}.{m}"] = v;
            }

            foreach (var item in new[] { "licensing", "penalty", "enforcement", "fees_10k_yuan" })
            {
                if (ad.ContainsKey(item)) cells[$"ad.{item}"] = ad[item];
            }

            // The 2019 template's own columns (上一年项目数量, 本年增/减, …), as "ad.2019.licensing.change".
            if (ad["template_2019_columns"] is JsonObject columns2019) foreach (var (m, v) in columns2019) cells[$"ad.2019.{m}"] = v;
        }

        foreach (var (table, prefix) in new[] { ("applications", "app"), ("review_litigation", "rl") })
        {
            if (d[table] is not JsonObject rows) continue;
            foreach (var (row, values) in rows)
            {
                if (values is JsonArray a) for (var i = 0; i < a.Count; i++) cells[$"{prefix}.{row}.{i}"] = a[i];
            }
        }

        return cells;
    }

    /// <summary>"active_disclosure.normative_documents.issued" → "ad.normative_documents.issued".</summary>
    public static string FlatPath(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var table = path[..dot] switch { "applications" => "app", "review_litigation" => "rl", "active_disclosure" => "ad", var t => t };
        return table + path[dot..].Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
    }

    public static IReadOnlyList<string> Ambiguous(JsonObject expected) =>
        expected["ambiguous"] is JsonArray a ? a.Select(p => FlatPath((string)p!)).ToList() : [];

    /// <summary>The arithmetic rules that the stated values break (a parser must report these, and only these).</summary>
    public static HashSet<string> BrokenRules(JsonObject d)
    {
        var broken = new HashSet<string>();
        var app = d["applications"] as JsonObject ?? [];
        long?[] Row(string k) => app[k] is JsonArray a ? a.Select(v => (long?)v?.GetValue<long>()).ToArray() : new long?[7];
        foreach (var (_, v) in app)
        {
            if (v is JsonArray a && a.All(x => x is not null) && a.Count == 7 && a.Take(6).Sum(x => x!.GetValue<long>()) != a[6]!.GetValue<long>()) broken.Add("total_column");
        }

        for (var c = 0; c < 7; c++)
        {
            long? n = Row("new_received")[c], o = Row("carried_over")[c], t = Row("total_processed")[c], f = Row("carried_forward")[c];
            if (n is not null && o is not null && t is not null && f is not null && n + o != t + f) broken.Add("balance");
            var parts = Outcomes.Where(app.ContainsKey).Select(k => Row(k)[c]).ToList();
            if (t is not null && parts.Count > 0 && parts.All(p => p is not null) && parts.Sum() != t) broken.Add("total_row");
        }

        if (d["review_litigation"] is JsonObject rl)
        {
            foreach (var (_, v) in rl)
            {
                if (v is JsonArray a && a.Count == 5 && a.All(x => x is not null) && a.Take(4).Sum(x => x!.GetValue<long>()) != a[4]!.GetValue<long>()) broken.Add("review_total");
            }
        }

        return broken;
    }

    public static bool Same(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a is JsonValue va && b is JsonValue vb && va.TryGetValue<decimal>(out var da) && vb.TryGetValue<decimal>(out var db)) return da == db;
        return JsonNode.DeepEquals(a, b);
    }
}
