using Warehouse.Load;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Warehouse.Core;

namespace Warehouse.Cli.Commands;

/// <summary><c>validate FILE...</c>: the findings of the single-report rules; exit 1 when any is an error.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = CommonOptions.Files();
        var json = new Option<bool>("--json") { Description = "输出 JSON：每个文件一个对象，含其问题。Print the findings as JSON: one object per file." };
        var hint = CommonOptions.RegionHint();
        var maxSize = CommonOptions.MaxSize();
        var command = new Command("validate", "按勾稽关系核对年报，列出每条错误和警告（表、行、列、规则、应为与实为）；有错误时退出码为 1。Check reports against the consistency rules and list every finding; exit 1 on any error.")
        {
            files, json, hint, maxSize,
        };
        command.SetAction(async (pr, ct) =>
        {
            var options = CommonOptions.Options(pr, hint, maxSize);
            var output = pr.InvocationConfiguration.Output;
            var error = pr.InvocationConfiguration.Error;
            var readings = new List<ReportReading>();
            foreach (var path in pr.GetValue(files)!) readings.Add(await ReportFiles.ReadAsync(path, options, ct));

            foreach (var r in readings.Where(r => r.Rejection is not null)) await error.WriteLineAsync($"warehouse: {r.Origin}: {r.Rejection}");
            var reports = readings.Where(r => r.Report is not null).ToList();
            if (pr.GetValue(json)) await output.WriteLineAsync(Json(reports));
            else foreach (var r in reports) await output.WriteAsync(Text(r));

            if (readings.Any(r => r.Rejection is not null)) return WarehouseCli.BadInput;
            return reports.Any(r => r.HasErrors) ? WarehouseCli.Findings : WarehouseCli.Ok;
        });
        return command;
    }

    private static string Text(ReportReading r)
    {
        var sb = new System.Text.StringBuilder();
        var errors = r.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = r.Findings.Count - errors;
        sb.Append(CultureInfo.InvariantCulture, $"{r.Origin}：{r.Report!.Agency} {r.Report.Year} 年度：错误 {errors} 条，警告 {warnings} 条（{errors} error(s), {warnings} warning(s)）\n");
        foreach (var f in r.Findings) sb.Append("  ").Append(Summary.Line(f)).Append('\n');
        return sb.ToString();
    }

    private static string Json(IReadOnlyList<ReportReading> readings)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, ReportJson.Indented))
        {
            w.WriteStartArray();
            foreach (var r in readings)
            {
                w.WriteStartObject();
                w.WriteString("file", r.Origin);
                w.WriteString("agency", r.Report!.Agency);
                w.WriteNumber("year", r.Report.Year);
                ReportJson.WriteFindings(w, r.Findings);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
