using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Warehouse.Data;

namespace Warehouse.Cli.Commands;

/// <summary><c>status</c>: what is loaded, and for supervisors the agencies that are late, inconsistent or missing.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var db = IngestCommand.Database();
        var year = new Option<int?>("--year") { Description = "The report year (default: the latest loaded).", HelpName = "Y" };
        var region = new Option<string?>("--region") { Description = "Only agencies of this region code and below (36 = 江西省, 3607 = 赣州市).", HelpName = "CODE" };
        var limit = new Option<int>("--limit") { Description = "At most this many agencies per list.", DefaultValueFactory = _ => 20, HelpName = "N" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var command = new Command("status", "Counts of reports, agencies and findings, and the agencies that are missing, late or inconsistent.") { db, year, region, limit, json };
        command.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var database = IngestCommand.Open(pr, db);
            var queries = new StatusQueries(database.Sql);
            await using var connection = await database.OpenAsync(ct);
            var chosenYear = pr.GetValue(year) ?? await queries.LatestYearAsync(connection, ct);
            var regionCode = pr.GetValue(region);
            if (regionCode is not null && Warehouse.Parsing.Regions.DivisionList.Default.Find(regionCode) is null)
            {
                throw new UserError($"--region {regionCode} is not a region code of the national division list");
            }

            var n = Math.Max(1, pr.GetValue(limit));
            var counts = await queries.CountsAsync(connection, chosenYear, regionCode, ct);
            var problems = await queries.ProblemsAsync(connection, chosenYear, regionCode, n, ct);
            var missing = chosenYear is { } y ? await queries.MissingAsync(connection, y, regionCode, n, ct) : [];

            if (pr.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new { year = chosenYear, region = regionCode, counts, late_or_inconsistent = problems, missing },
                    new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return WarehouseCli.Ok;
            }

            var console = Terminal.For(output);
            console.WriteLine($"{database.Target.Display}: year {chosenYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}{(regionCode is null ? "" : $", region {regionCode}")}");
            console.WriteLine($"  reports {counts.Reports}, agencies {counts.Agencies}, errors {counts.Errors}, warnings {counts.Warnings}; superseded documents {counts.Superseded}, rejected documents {counts.Rejected}, documents in the raw store {counts.Documents}; last load {counts.LatestLoad ?? "never"}");

            var late = new Table().Title("Late or inconsistent 逾期或数据不一致").AddColumns("year", "agency 机关", "region", "published 发布", "late", "errors", "warnings");
            foreach (var p in problems)
            {
                late.AddRow(p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(p.Agency), p.RegionCode ?? "—", p.Published ?? "not stated",
                    p.Late == true ? "[red]late[/]" : "", p.ErrorCount > 0 ? $"[red]{p.ErrorCount}[/]" : "0", p.WarningCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            console.Write(problems.Count == 0 ? new Markup("No late or inconsistent reports.\n") : late);
            var absent = new Table().Title($"Missing 未发布: a report for {chosenYear - 1} but none for {chosenYear}").AddColumns("agency 机关", "region", "last year");
            foreach (var m in missing) absent.AddRow(Markup.Escape(m.Agency), m.RegionCode ?? "—", m.LastYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
            console.Write(missing.Count == 0 ? new Markup("No agency missing.\n") : absent);
            return WarehouseCli.Ok;
        });
        return command;
    }
}
