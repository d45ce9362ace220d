using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Warehouse.Export;
using Warehouse.Export.Dashboards;
using Warehouse.Export.Digest;

namespace Warehouse.Cli.Commands;

/// <summary><c>digest</c>: a dashboard's workbook by email with the headline figures, or as an .eml file with --dry-run.</summary>
internal static class DigestCommand
{
    public static Command Create()
    {
        var to = new Option<string[]>("--to") { Description = "Recipients' addresses.", Required = true, AllowMultipleArgumentsPerToken = true, HelpName = "ADDRESS" };
        var dashboard = new Option<string>("--dashboard") { Description = "附上哪个仪表板的工作簿，写名称或标题（如 region-comparison 或 地区对比）。The dashboard whose workbook is attached, by name or title.", DefaultValueFactory = _ => "region-comparison", HelpName = "NAME|标题" };
        var region = new Option<string?>("--region") { Description = "只看该地区及其下级，写代码或名称。Only this region and below, by code or name.", HelpName = "代码|名称" };
        var year = new Option<int?>("--year") { Description = "The report year (default: the latest loaded).", HelpName = "Y" };
        var dryRun = new Option<string?>("--dry-run") { Description = "Write the message as digest.eml into DIR instead of sending it (nothing is recorded).", HelpName = "DIR" };
        var every = new Option<string>("--every")
        {
            Description = "How often this digest goes out: day, week, month, quarter, year (calendar periods, Beijing time) or a cron expression; it is sent at most once per period.",
            DefaultValueFactory = _ => "month",
            HelpName = "PERIOD",
        };
        var resend = new Option<bool>("--resend") { Description = "Send even if it was sent this period, or an earlier attempt ended without knowing whether the server took it (check with the recipients first)." };
        var db = IngestCommand.Database();
        var folder = DashboardsCommand.Folder();
        var command = new Command("digest", "Send a digest by email: the headline figures (received, late, missing, inconsistent; the biggest changes), the charts, and the dashboard's workbook attached. Sent at most once per period (--every) and recipient list; a year or region without reports sends nothing. SMTP settings: WAREHOUSE_SMTP_HOST, _PORT, _SECURITY, _USER, _PASSWORD, _FROM.")
        {
            to, dashboard, region, year, every, dryRun, resend, db, folder,
        };
        command.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var catalog = DashboardCatalog.Load(DashboardsCommand.FolderOf(pr, folder));
            var request = new DigestRequest(Choices.Dashboard(catalog, pr.GetValue(dashboard)!).Name, Choices.RegionCode(pr.GetValue(region)), pr.GetValue(year), pr.GetValue(to)!, DigestSchedule.Parse(pr.GetValue(every)!, Exporter.ChinaTime));

            var database = ExportCommand.OpenExisting(pr, db);
            using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
            var service = new DigestService(database, catalog, TimeProvider.System, loggers.CreateLogger<DigestService>());
            if (pr.GetValue(dryRun) is { } dir)
            {
                var path = await service.WriteEmlAsync(request, dir, ct);
                await output.WriteLineAsync($"Wrote {Path.GetRelativePath(Environment.CurrentDirectory, path)} (not sent; open it in a mail program).");
                return WarehouseCli.Ok;
            }

            SmtpOptions smtp;
            try
            {
                smtp = SmtpOptions.FromEnvironment() ?? throw new UserError("未配置邮件服务器（SMTP）。No SMTP server: set WAREHOUSE_SMTP_HOST (and _PORT, _SECURITY, _USER, _PASSWORD, _FROM as needed), or write the message with --dry-run DIR");
            }
            catch (FormatException e)
            {
                throw new UserError(e.Message);
            }

            if (smtp.Problems() is { Count: > 0 } problems) throw new UserError(string.Join("; ", problems));
            var outcome = await service.SendAsync(request, smtp, ct, pr.GetValue(resend));
            var next = request.Every!.PeriodAt(TimeProvider.System.GetUtcNow()).NextText;
            await output.WriteLineAsync(outcome switch
            {
                DigestOutcome.Sent => string.Create(CultureInfo.InvariantCulture, $"已发送给 {string.Join(", ", request.To)}（{smtp}）；下一期 {next}。/ Sent; the next is due then."),
                DigestOutcome.AlreadySent => $"本期已发送给这些收件人，不再发送；下一期 {next}（--resend 可再次发送）。/ Already sent this period to these recipients: not sent again.",
                _ => "未发送：此前一次发送可能已送达（见上方日志）；--resend 仍会发送。/ Not sent: an earlier attempt may have delivered it (see the log line above); --resend sends it anyway.",
            });
            return outcome == DigestOutcome.NotSentAgain ? WarehouseCli.Findings : WarehouseCli.Ok;
        });
        return command;
    }
}
