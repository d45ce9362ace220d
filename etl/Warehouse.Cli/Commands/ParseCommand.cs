using Warehouse.Load;
using System.CommandLine;
using System.Text.Json;
using Warehouse.Core;

namespace Warehouse.Cli.Commands;

/// <summary><c>parse FILE... [--json]</c>: each report's values and findings.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var files = CommonOptions.Files();
        var json = new Option<bool>("--json") { Description = "输出 JSON（docs/domain.md 的约定）：每个文件一个对象，多个文件时为数组。Print the JSON contract: one object per file, an array for several." };
        var hint = CommonOptions.RegionHint();
        var maxSize = CommonOptions.MaxSize();
        var blocks = new Option<bool>("--blocks") { Description = "按解析器所见逐段（¶）逐行（|）打印原文，用于查找读错的原因。Print each document as the parser sees it, to diagnose a misread." };
        var command = new Command("parse", "读取年报，按模板的表、行、列名称打印其中的数和发现的问题。Parse reports and print their values and findings.") { files, json, hint, maxSize, blocks };
        command.SetAction(async (pr, ct) =>
        {
            var options = CommonOptions.Options(pr, hint, maxSize);
            var output = pr.InvocationConfiguration.Output;
            var error = pr.InvocationConfiguration.Error;
            var paths = pr.GetValue(files)!;
            if (pr.GetValue(blocks))
            {
                foreach (var path in paths) await output.WriteAsync(Blocks(path, options));
                return WarehouseCli.Ok;
            }

            var readings = new List<ReportReading>();
            foreach (var path in paths) readings.Add(await ReportFiles.ReadAsync(path, options, ct));

            foreach (var r in readings.Where(r => r.Rejection is not null))
            {
                await error.WriteLineAsync($"warehouse: {r.Origin}: {r.Rejection}");
            }

            var reports = readings.Where(r => r.Report is not null).ToList();
            if (pr.GetValue(json)) await output.WriteLineAsync(Json(reports, array: paths.Length > 1));
            else foreach (var r in reports) await output.WriteAsync(Summary.Render(r));

            return readings.Any(r => r.Rejection is not null) ? WarehouseCli.BadInput : WarehouseCli.Ok;
        });
        return command;
    }

    private static string Blocks(string path, Parsing.ParseOptions options)
    {
        var (document, why) = Parsing.ReportParser.ReadDocument(File.ReadAllBytes(path), options);
        var sb = new System.Text.StringBuilder().Append(path).Append('\n');
        if (document is null) return sb.Append("  (").Append(why).Append(")\n").ToString();
        sb.Append("  版式 layout ").Append(document.Layout).Append('\n');
        foreach (var block in document.Blocks)
        {
            sb.Append(block switch
            {
                Parsing.Documents.Paragraph p => "¶ " + p.Text,
                Parsing.Documents.TableRow r => "| " + string.Join(" | ", r.Cells) + " |",
                Parsing.Documents.Picture i => "▣ 图片 picture " + i.Source,
                Parsing.Documents.EmbeddedDocument d => "▣ 内嵌文档 embedded document " + d.Source,
                _ => block.ToString(),
            }).Append('\n');
        }

        return sb.ToString();
    }

    private static string Json(IReadOnlyList<ReportReading> readings, bool array)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, ReportJson.Indented))
        {
            if (array) w.WriteStartArray();
            foreach (var r in readings) ReportJson.Write(w, r.Report!, r.Findings, r.Origin, r.Parse.Layout);
            if (array) w.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
