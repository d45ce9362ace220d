using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using Warehouse.Core;
using Warehouse.Core.Regions;

namespace Warehouse.Register.Roster;

/// <summary>One row of a roster file: an agency expected to report.</summary>
/// <param name="Line">The row's number in the file (the header is row 1), for messages.</param>
/// <param name="Name">单位名称, as written.</param>
/// <param name="RegionCode">地区, as a GB/T 2260 code (written as a code or a name); null when the row gives none.</param>
/// <param name="AgencyType">机关类型: 政府办公室, 人民政府, 乡镇街道 or 政府部门; null when not given.</param>
/// <param name="Uscc">统一社会信用代码 (18 characters), or null.</param>
/// <param name="Aliases">别名: other names the agency's reports may print.</param>
/// <param name="FormerName">原名称: the name it had before this year (a rename in a 机构改革), or null.</param>
public sealed record RosterRow(int Line, string Name, string? RegionCode, string? AgencyType, string? Uscc, IReadOnlyList<string> Aliases, string? FormerName);

/// <summary>
/// Reads a roster (应报名单) from a spreadsheet as a supervisor keeps it: XLSX (the first sheet) or
/// CSV (UTF-8, or GBK as Excel saves it on Chinese Windows), a header row naming the columns in
/// Chinese: 单位名称 (required), 地区, 机关类型, 统一社会信用代码, 别名 (several separated by 、；;,|),
/// 原名称. Every problem is collected with its row, Chinese first; a file with any problem is
/// imported not at all.
/// </summary>
public static class RosterFile
{
    /// <summary>The kinds of agency of v_agency, the only values 机关类型 may take.</summary>
    public static IReadOnlyList<string> AgencyTypes { get; } = ["政府办公室", "人民政府", "乡镇街道", "政府部门"];

    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        ["单位名称"] = "name", ["单位"] = "name", ["机关名称"] = "name", ["名称"] = "name", ["报送单位"] = "name",
        ["地区"] = "region", ["所属地区"] = "region", ["行政区划"] = "region", ["地区代码"] = "region", ["区划代码"] = "region",
        ["机关类型"] = "type", ["单位类型"] = "type", ["类型"] = "type",
        ["统一社会信用代码"] = "uscc", ["信用代码"] = "uscc",
        ["别名"] = "aliases", ["简称"] = "aliases", ["其他名称"] = "aliases",
        ["原名称"] = "former", ["更名前名称"] = "former",
    };

    /// <summary>Reads the rows of <paramref name="path"/>; the problems say which rows are wrong and why.</summary>
    /// <exception cref="UserFacingException">The file is missing, of another format, or unreadable.</exception>
    public static (IReadOnlyList<RosterRow> Rows, IReadOnlyList<string> Problems) Read(string path, RegionResolver? regions = null)
    {
        if (!File.Exists(path)) throw new RosterException($"找不到名单文件 {path} / no such roster file");
        var table = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" => ReadXlsx(path),
            ".csv" => ReadCsv(path),
            var other => throw new RosterException($"名单文件须为 .xlsx 或 .csv，而 {path} 是 {other} / a roster must be .xlsx or .csv"),
        };
        return FromTable(table, regions ?? RegionResolver.Default);
    }

    private static List<string[]> ReadXlsx(string path)
    {
        try
        {
            using var workbook = new XLWorkbook(path);
            var sheet = workbook.Worksheets.First();
            var used = sheet.RangeUsed();
            if (used is null) return [];
            var columns = used.ColumnCount();
            return used.Rows().Select(r => Enumerable.Range(1, columns).Select(c => r.Cell(c).GetFormattedString().Trim()).ToArray()).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new RosterException($"名单文件 {path} 无法作为 XLSX 读取：{e.Message} / cannot read the roster as XLSX", e);
        }
    }

    private static List<string[]> ReadCsv(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = System.Text.Unicode.Utf8.IsValid(bytes)
            ? Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF')
            : Parsing.Text.TextDecoding.Gb18030.GetString(bytes);
        using var reader = new StringReader(text);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null });
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(csv.Record?.Select(v => v.Trim()).ToArray() ?? []);
        return rows;
    }

    private static (IReadOnlyList<RosterRow>, IReadOnlyList<string>) FromTable(List<string[]> table, RegionResolver regions)
    {
        var problems = new List<string>();
        if (table.Count == 0) return ([], ["名单文件是空的 / the roster file is empty"]);

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < table[0].Length; c++)
        {
            var header = Parsing.Text.TextKey.Of(table[0][c]);
            if (Headers.TryGetValue(header, out var field)) columns.TryAdd(field, c);
        }

        if (!columns.ContainsKey("name"))
        {
            return ([], [$"第 1 行（表头）中没有「单位名称」列；表头为：{string.Join("、", table[0])} / the header row has no 单位名称 column"]);
        }

        string? Cell(string[] row, string field) =>
            columns.TryGetValue(field, out var c) && c < row.Length && row[c].Length > 0 ? row[c] : null;

        var rows = new List<RosterRow>();
        for (var i = 1; i < table.Count; i++)
        {
            var line = i + 1;
            var row = table[i];
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            if (Cell(row, "name") is not { } name)
            {
                problems.Add($"第 {line} 行没有单位名称 / row {line} has no 单位名称");
                continue;
            }

            string? regionCode = null;
            if (Cell(row, "region") is { } region)
            {
                regionCode = RegionCode(region, regions);
                if (regionCode is null) problems.Add($"第 {line} 行「{name}」的地区「{region}」不是全国行政区划中的地区名或代码 / row {line}: unknown region");
            }

            var type = Cell(row, "type");
            if (type is not null && !AgencyTypes.Contains(type))
            {
                problems.Add($"第 {line} 行「{name}」的机关类型「{type}」应为 {string.Join("、", AgencyTypes)} 之一 / row {line}: unknown agency type");
            }

            var uscc = Cell(row, "uscc")?.ToUpperInvariant();
            if (uscc is not null && !IsUscc(uscc))
            {
                problems.Add($"第 {line} 行「{name}」的统一社会信用代码「{uscc}」不是 18 位代码 / row {line}: a 统一社会信用代码 has 18 characters");
            }

            var aliases = (Cell(row, "aliases") ?? "").Split(['、', '；', ';', ',', '，', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            rows.Add(new RosterRow(line, name, regionCode, type, uscc, aliases, Cell(row, "former")));
        }

        if (rows.Count == 0 && problems.Count == 0) problems.Add("名单文件只有表头，没有单位 / the roster file has a header and no agency");
        return (rows, problems);
    }

    /// <summary>A region written as a code (2, 4 or 6 digits, or 12 with zeros) or a name ("平潭综合实验区", "福建省福州市").</summary>
    private static string? RegionCode(string text, RegionResolver regions)
    {
        var digits = text.Trim();
        if (digits.All(char.IsAsciiDigit) && digits.Length is 2 or 4 or 6 or 9 or 12)
        {
            var code = digits.Length > 6 ? digits[..6].TrimEnd('0') : digits;
            if (code.Length % 2 == 1) code += "0";
            return DivisionList.Default.Find(code) is not null ? code : null;
        }

        return regions.Resolve(text, null, (string?)null).Code;
    }

    private static bool IsUscc(string code) => code.Length == 18 && code.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));
}

/// <summary>A roster that cannot be read or imported; the message says why, Chinese first.</summary>
public sealed class RosterException(string message, Exception? inner = null) : UserFacingException(message, inner);
