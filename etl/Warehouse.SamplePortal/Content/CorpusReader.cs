using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Warehouse.Corpus;

namespace Warehouse.SamplePortal.Content;

/// <summary>Reads a corpus folder written by <see cref="CorpusWriter"/>: its manifest, then each servable report and its expected JSON.</summary>
internal static partial class CorpusReader
{
    /// <summary>Real portals publish HTML pages and Word or PDF attachments, never extracted text nor markdown.</summary>
    public static bool IsServable(string layout) => Layouts.Extension(layout) is "html" or "docx" or "pdf";

    public static async Task<IReadOnlyList<CorpusReport>> ReadAsync(string directory, CancellationToken ct)
    {
        var dir = Path.GetFullPath(directory);
        var manifestPath = Path.Combine(dir, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException($"{dir} holds no manifest.json: it is not a generated corpus (write one with ./warehouse corpus generate --out DIR).", manifestPath);
        }

        var reports = new List<CorpusReport>();
        foreach (var (index, layout, file, expected) in ReadManifest(manifestPath, await File.ReadAllBytesAsync(manifestPath, ct)))
        {
            if (!Layouts.All.Contains(layout)) throw new InvalidDataException($"{manifestPath}: entry {index} has the unknown layout '{layout}'.");
            if (!IsServable(layout)) continue;
            var filePath = Path.Combine(dir, file);
            var expectedPath = Path.Combine(dir, expected);
            var bytes = await File.ReadAllBytesAsync(filePath, ct);
            var (agency, year) = ReadTitleFields(expectedPath, await File.ReadAllBytesAsync(expectedPath, ct));
            reports.Add(new CorpusReport(index, layout, filePath, expectedPath, agency, year, bytes, layout == Layouts.HtmlTrs ? PostedOf(bytes) : null));
        }

        return reports;
    }

    private static IEnumerable<(int Index, string Layout, string File, string Expected)> ReadManifest(string path, byte[] json)
    {
        using var doc = Parse(path, json);
        if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{path}: expected an array of entries.");
        var entries = new List<(int, string, string, string)>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            entries.Add((Int(e, "index", path), String(e, "layout", path), String(e, "file", path), String(e, "expected", path)));
        }

        return entries;
    }

    private static (string Agency, int Year) ReadTitleFields(string path, byte[] json)
    {
        using var doc = Parse(path, json);
        return (String(doc.RootElement, "agency", path), Int(doc.RootElement, "year", path));
    }

    private static JsonDocument Parse(string path, byte[] json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
        }
    }

    private static string String(JsonElement e, string name, string path) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new InvalidDataException($"{path}: '{name}' is missing or not a string.");

    private static int Int(JsonElement e, string name, string path) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.TryGetInt32(out var n)
            ? n
            : throw new InvalidDataException($"{path}: '{name}' is missing or not a whole number.");

    // The TRS page states its posting date; the list and the URL must show the same one.
    private static DateOnly? PostedOf(byte[] utf8Html)
    {
        var m = PostedPattern().Match(Encoding.UTF8.GetString(utf8Html));
        return m.Success && DateOnly.TryParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    [GeneratedRegex(@"发布时间：(\d{4}-\d{2}-\d{2})")]
    private static partial Regex PostedPattern();
}
