using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Warehouse.Data;
using Warehouse.Parsing.Text;

namespace Warehouse.Cli.Commands;

/// <summary>
/// <c>show AGENCY [YEAR] [--save FILE]</c>: the original document of a loaded report, out of the
/// raw store: what it is and where it came from (原文链接), and with <c>--save</c> its bytes as they
/// were fetched or loaded. Reads the warehouse without changing it.
/// </summary>
internal static partial class ShowCommand
{
    public static Command Create()
    {
        var agency = new Argument<string>("AGENCY") { Description = "机关名称，如 北京市商务厅。The agency's name." };
        var year = new Argument<string?>("YEAR") { Description = "报告年度（默认：该机关最近的一年）。The report year (default: the agency's latest).", Arity = ArgumentArity.ZeroOrOne };
        var save = new Option<string?>("--save") { Description = "把原文按原样写入此文件。Write the original document's bytes to FILE.", HelpName = "文件" };
        var db = IngestCommand.Database();
        var command = new Command("show", "取出一份已载入报告的原文：说明它是什么、从哪里来（原文链接），--save 写出原文文件；只读，不改动仓库。The original document of a loaded report, out of the raw store.")
        {
            agency, year, save, db,
        };
        command.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var name = pr.GetValue(agency)!.Trim();
            int? wanted = null;
            if (pr.GetValue(year) is { } text)
            {
                if (!Year().IsMatch(text.Trim())) throw new UserError($"年度应写四位数字，如 2023，「{text}」不是。YEAR is a year such as 2023, not '{text}'.");
                wanted = int.Parse(Year().Match(text.Trim()).Groups[1].Value, CultureInfo.InvariantCulture);
            }

            var database = Opening.ForReading(pr, db);
            var queries = new StatusQueries(database.Sql);
            IReadOnlyList<StoredReport> reports;
            await using (var connection = await database.OpenAsync(ct))
            {
                reports = await queries.ReportsOfAsync(connection, TextKey.Of(name), ct);
                if (reports.Count == 0) throw new UserError(await NotFoundAsync(queries, connection, name, ct));
            }

            var agencyName = reports[0].Agency;
            var years = reports.Select(r => r.Year).Distinct().Order().ToList();
            var chosenYear = wanted ?? years[^1];
            var ofYear = reports.Where(r => r.Year == chosenYear).ToList();
            if (ofYear.Count == 0)
            {
                throw new UserError($"{agencyName}没有 {chosenYear} 年度的报告；有报告的年度：{string.Join("、", years)}。{agencyName} has no report for {chosenYear}; it has {string.Join(", ", years)}.");
            }

            var report = ofYear[0];
            await output.WriteAsync(Describe(report, ofYear.Count - 1));
            if (pr.GetValue(save) is not { } file) return WarehouseCli.Ok;

            byte[]? bytes;
            using (var raw = database.OpenRawStore()) bytes = raw.Get(report.Sha256);
            if (bytes is null)
            {
                throw new UserError($"原始文件库中没有这份文件（sha256 {report.Sha256}），无法取出原文。The raw store does not hold the document {report.Sha256}.");
            }

            if (RawStore.Hash(bytes) != report.Sha256)
            {
                throw new UserError($"原始文件库中的这份文件已损坏（sha256 不符），未写出。The stored bytes do not match their sha256; nothing was written.");
            }

            var target = Path.GetFullPath(file);
            var temporary = target + $".{Guid.NewGuid():N}.tmp";
            await File.WriteAllBytesAsync(temporary, bytes, ct);
            File.Move(temporary, target, overwrite: true);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"已写入 {file}（{bytes.Length:N0} 字节，{report.MediaType}）。Saved."));
            return WarehouseCli.Ok;
        });
        return command;
    }

    private static string Describe(StoredReport r, int older)
    {
        var size = r.SizeBytes < 1024 ? $"{r.SizeBytes} 字节" : string.Create(CultureInfo.InvariantCulture, $"{r.SizeBytes / 1024.0:0.#} KB");
        var lines = new List<string>
        {
            $"{r.Agency} {r.Year} 年度政府信息公开工作年度报告",
            $"  地区 region        {Choices.RegionLabel(r.RegionCode, r.Region)}",
            $"  发布日期 published {(r.FilingDate is null ? Summary.Undated : $"{r.FilingDate}（{Summary.DateSource(r.PublishedSource)}）{(r.Late == true ? "（逾期发布）" : "")}")}",
        };

        // A crawled report: the signed date beside the portal's, and the article an attachment hangs from.
        if (r.PublishedSource == "portal") lines.Add($"  落款日期 signed     {r.Published ?? Summary.Undated}");
        lines.Add($"  原文链接 source    {r.Origin}");
        if (r.PortalUrl is { } page && page != r.Origin) lines.Add($"  文章页面 article   {page}");
        lines.Add($"  文件 document      {r.MediaType}，{size}，版式 {r.Layout}，sha256 {r.Sha256}");
        lines.Add($"  载入 loaded        {Beijing.Time(r.LoadedAt)}");
        if (older > 0) lines.Add($"  另有 {older} 份同年度的较早文件已被这份取代（仍在原始文件库中）。");
        lines.Add("  用 --save 文件 取出原文。Use --save FILE for the document itself.");
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>"没有「北京市商务局」的报告，您是不是要找 北京市商务厅？": names that contain it, then the nearest.</summary>
    private static async Task<string> NotFoundAsync(StatusQueries queries, System.Data.Common.DbConnection connection, string name, CancellationToken ct)
    {
        var names = (await queries.AgencyNamesAsync(connection, ct)).Select(a => a.Name).Distinct().ToList();
        if (names.Count == 0) return "数据仓库中还没有报告：请先载入（./warehouse ingest 文件… 或 ./warehouse crawl）。The warehouse holds no report yet.";
        var key = TextKey.Of(name);
        var near = names.Where(n => key.Length >= 2 && (TextKey.Of(n).Contains(key, StringComparison.Ordinal) || key.Contains(TextKey.Of(n), StringComparison.Ordinal))).Take(5).ToList();
        near.AddRange(Words.Nearest(name, names.Except(near), 5 - near.Count));
        return $"没有机关「{name}」的报告{(near.Count == 0 ? "。" : $"，您是不是要找：{string.Join("、", near)}？")}No report of an agency named {name}.";
    }

    [GeneratedRegex(@"^(\d{4})(?:年度?)?$")]
    private static partial Regex Year();
}
