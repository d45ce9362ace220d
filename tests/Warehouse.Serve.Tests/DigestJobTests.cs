using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Warehouse.Export.Tests;
using Warehouse.Jobs;

namespace Warehouse.Serve.Tests;

/// <summary>A scheduled digest under serve: a refusing server makes a retried job and a log line, never a second message.</summary>
[Collection(HostCollection.Name)]
public sealed class DigestJobTests(ServeFixture f) : IClassFixture<ServeFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_refused_digest_is_retried_by_Hangfire_and_arrives_once()
    {
        using var sink = SmtpSink.Start(refuse: 1);
        var o = ServeOptions.From(f.Settings(
            ("Warehouse:Smtp:Host", "127.0.0.1"), ("Warehouse:Smtp:Port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Warehouse:Smtp:Security", "none"),
            ("Warehouse:Digests:0:Name", "weekly"), ("Warehouse:Digests:0:Dashboard", "filing-status"), ("Warehouse:Digests:0:To:0", "supervision@example.gov.cn"), ("Warehouse:Digests:0:Cron", "0 8 * * 1"),
            ("Warehouse:SourceName", "某省政务公开办公室")));
        await using var app = await ServeFixture.StartAsync(o);
        ActivatorUtilities.CreateInstance<CrawlJob>(app.Services).Run("site-0", Ct).ShouldContain("new");

        var storage = app.Services.GetRequiredService<JobStorage>();
        var monitor = storage.GetMonitoringApi();
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(DigestJob.Id("weekly"));

        // The refusal fails the attempt; Hangfire schedules the retry (a minute later) with the reason.
        var retry = await ServeFixture.UntilAsync(() => monitor.ScheduledJobs(0, 10).FirstOrDefault(j => j.Value.Job?.Type == typeof(DigestJob)) is { Key: not null } j ? j.Key : null);
        var details = monitor.JobDetails(retry);
        details.History.ShouldContain(h => h.StateName == "Failed" || (h.Reason != null && h.Reason.Contains("Retry attempt 1", StringComparison.Ordinal)));
        sink.Messages.ShouldBeEmpty();

        // Run the retry now rather than in a minute.
        app.Services.GetRequiredService<IBackgroundJobClient>().Requeue(retry);
        await ServeFixture.UntilAsync(() => monitor.JobDetails(retry).History.FirstOrDefault()?.StateName == "Succeeded" ? "done" : null);
        sink.Messages.Count.ShouldBe(1);

        // The attached workbook names the source of the settings file, not the server's path.
        var message = await MimeKit.MimeMessage.LoadAsync(sink.Messages[0], Ct);
        using (var bytes = new MemoryStream())
        {
            await message.Attachments.OfType<MimeKit.MimePart>().ShouldHaveSingleItem().Content!.DecodeToAsync(bytes, Ct);
            bytes.Position = 0;
            using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(bytes, isEditable: false);
            var cover = string.Join("\n", workbook.WorkbookPart!.SharedStringTablePart!.SharedStringTable!.InnerText,
                string.Concat(workbook.WorkbookPart.WorksheetParts.Select(w => w.Worksheet!.InnerText)));
            cover.ShouldContain("某省政务公开办公室");
            cover.ShouldNotContain(o.Database);
        }

        // The ledger holds the week of its cron (Mondays at 08:00 in Beijing) it was sent for.
        var db = app.Services.GetRequiredService<Warehouse.Data.WarehouseDatabase>();
        await using (var c = await db.OpenAsync(Ct))
        {
            var (schedule, start) = await Dapper.SqlMapper.QuerySingleAsync<(string, string)>(c, "select schedule, period_start from digest_delivery");
            schedule.ShouldBe("0 8 * * 1");
            var monday = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8));
            (monday.DayOfWeek, monday.Hour, monday.Minute).ShouldBe((DayOfWeek.Monday, 8, 0));
            (TimeProvider.System.GetUtcNow() - monday).ShouldBeLessThan(TimeSpan.FromDays(7));
        }

        // The schedule firing again in the same week, for the same recipients, sends nothing; the job says when the next is due.
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(DigestJob.Id("weekly"));
        await ServeFixture.UntilAsync(() => monitor.SucceededListCount() >= 2 ? "done" : null);
        sink.Messages.Count.ShouldBe(1);
        monitor.SucceededJobs(0, 10).Select(j => j.Value.Result?.ToString()).ShouldContain(r => r != null && r.Contains("AlreadySent; next due", StringComparison.Ordinal));
    }
}
