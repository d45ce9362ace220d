using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Warehouse.Core;

/// <summary>Writes a report in the JSON contract of <c>parse --json</c> (domain.md).</summary>
public static class ReportJson
{
    public static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static readonly JsonWriterOptions Compact = Indented with { Indented = false };

    public static string Serialize(Report report, IReadOnlyList<Finding> findings, string? file = null, string? layout = null, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? Indented : Compact))
        {
            Write(writer, report, findings, file, layout);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter w, Report r, IReadOnlyList<Finding> findings, string? file = null, string? layout = null)
    {
        w.WriteStartObject();
        if (file is not null) w.WriteString("file", file);
        w.WriteString("agency", r.Agency);
        w.WriteString("region_code", r.RegionCode);
        w.WriteNumber("year", r.Year);
        w.WriteString("template", r.Template.Code());
        if (r.Published is { } published) w.WriteString("published", published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        else w.WriteNull("published");
        WriteNumber(w, "items_published", r.ItemsPublished);

        w.WriteStartObject("active_disclosure");
        WriteDocuments(w, "regulations", r.ActiveDisclosure.Regulations);
        WriteDocuments(w, "normative_documents", r.ActiveDisclosure.NormativeDocuments);
        WriteNumber(w, "licensing", r.ActiveDisclosure.Licensing);
        WriteNumber(w, "penalty", r.ActiveDisclosure.Penalty);
        WriteNumber(w, "enforcement", r.ActiveDisclosure.Enforcement);
        WriteNumber(w, "fees_10k_yuan", r.ActiveDisclosure.Fees10kYuan);
        if (r.ActiveDisclosure.Template2019Columns is { } columns)
        {
            w.WriteStartObject("template_2019_columns");
            foreach (var (key, value) in columns) WriteNumber(w, key, value);
            w.WriteEndObject();
        }

        w.WriteEndObject();

        w.WriteStartObject("applications");
        foreach (var (category, cells) in r.Applications.Rows) WriteArray(w, category.Code, cells);
        w.WriteEndObject();

        if (r.Applications.Groups.Any())
        {
            w.WriteStartObject("application_groups");
            foreach (var (group, cells) in r.Applications.Groups) WriteArray(w, group, cells);
            w.WriteEndObject();
        }

        w.WriteStartObject("review_litigation");
        foreach (var proceeding in ReviewLitigation.Proceedings) WriteArray(w, proceeding, r.ReviewLitigation.Get(proceeding));
        w.WriteEndObject();

        w.WriteStartArray("derived");
        foreach (var path in r.Derived) w.WriteStringValue(path);
        w.WriteEndArray();

        if (r.Ambiguous.Count > 0)
        {
            w.WriteStartArray("ambiguous");
            foreach (var path in r.Ambiguous) w.WriteStringValue(path);
            w.WriteEndArray();
        }

        if (layout is not null) w.WriteString("layout", layout);
        WriteFindings(w, findings);
        w.WriteEndObject();
    }

    public static void WriteFindings(Utf8JsonWriter w, IReadOnlyList<Finding> findings)
    {
        w.WriteStartArray("findings");
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("rule", f.Rule);
            w.WriteString("severity", f.Severity == Severity.Error ? "error" : "warning");
            w.WriteString("message", f.Message);
            w.WriteString("row", f.Row);
            w.WriteString("column", f.Column);
            WriteNumber(w, "expected", f.Expected);
            WriteNumber(w, "actual", f.Actual);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteDocuments(Utf8JsonWriter w, string name, DocumentCounts counts)
    {
        w.WriteStartObject(name);
        WriteNumber(w, "issued", counts.Issued);
        WriteNumber(w, "repealed", counts.Repealed);
        WriteNumber(w, "in_force", counts.InForce);
        w.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter w, string name, IReadOnlyList<int?> cells)
    {
        w.WriteStartArray(name);
        foreach (var cell in cells)
        {
            if (cell is { } v) w.WriteNumberValue(v);
            else w.WriteNullValue();
        }

        w.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, decimal? value)
    {
        // 0.00 and 0 are the same amount; write the shortest form.
        if (value is { } v) w.WriteNumber(name, v / 1.0000000000000000000000000000m);
        else w.WriteNull(name);
    }
}
