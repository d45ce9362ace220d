using System.Text.RegularExpressions;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Logging;
using MimeKit;
using Shouldly;
using Warehouse.Export.Dashboards;
using Warehouse.Export.Digest;

namespace Warehouse.Export.Tests;

/// <summary>The emailed digest, sent to a real SMTP server on loopback and read back as a mail program would.</summary>
public sealed class DigestTests(ExportFixture f) : IClassFixture<ExportFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DigestService Service(ILogger<DigestService>? log = null) => new(f.Database, f.Catalog, TimeProvider.System, log);

    private static SmtpOptions Smtp(SmtpSink sink) => new("127.0.0.1", sink.Port, SmtpSecurity.None, From: "Warehouse <warehouse@example.gov.cn>");

    [Fact]
    public async Task A_digest_arrives_with_its_figures_charts_and_workbook_and_is_sent_once()
    {
        using var sink = SmtpSink.Start();
        var request = new DigestRequest("region-comparison", null, null, ["Leader@example.gov.cn", "office@example.gov.cn"]);
        (await Service().SendAsync(request, Smtp(sink), Ct)).ShouldBe(DigestOutcome.Sent);
        (await Service().SendAsync(request with { To = ["office@example.gov.cn", "leader@example.gov.cn"] }, Smtp(sink), Ct)).ShouldBe(DigestOutcome.AlreadySent);
        var message = MimeMessage.Load(sink.Messages.ShouldHaveSingleItem(), Ct);

        var year = ExportFixture.FirstYear + ExportFixture.Years - 1;
        message.Subject.ShouldBe($"政府信息公开年度报告摘要 · {year}年度 · 全部地区");
        message.To.Mailboxes.Select(m => m.Address.ToLowerInvariant()).ShouldBe(["leader@example.gov.cn", "office@example.gov.cn"], ignoreOrder: true);
        message.Body.ShouldBeOfType<Multipart>().ContentType.MimeType.ShouldBe("multipart/mixed");
        var alternative = ((Multipart)message.Body)[0].ShouldBeOfType<MultipartAlternative>();
        alternative.OfType<TextPart>().ShouldContain(p => p.IsPlain);
        var related = alternative.OfType<MultipartRelated>().ShouldHaveSingleItem();
        var html = related.OfType<TextPart>().Single(p => p.IsHtml).Text;
        var images = related.OfType<MimePart>().Where(p => p.ContentType.MediaType == "image").ToList();
        images.Count.ShouldBe(f.Results["region-comparison"].Charts);
        foreach (var image in images) html.ShouldContain($"cid:{image.ContentId}");

        // The headline figures equal the warehouse's own counts.
        await using var c = await f.Database.OpenAsync(Ct);
        var expected = new Dictionary<string, long>
        {
            ["received"] = await c.ExecuteScalarAsync<long>("select count(*) from v_report_current where year = @year", new { year }),
            ["late"] = await c.ExecuteScalarAsync<long>("select count(*) from v_filing_status where year = @year and status = 'late'", new { year }),
            ["undated"] = await c.ExecuteScalarAsync<long>("select count(*) from v_filing_status where year = @year and status = 'undated'", new { year }),
            ["missing"] = await c.ExecuteScalarAsync<long>("select count(*) from v_filing_status where year = @year and status = 'missing'", new { year }),
            ["inconsistent"] = await c.ExecuteScalarAsync<long>("select count(*) from v_report_current where year = @year and error_count > 0", new { year }),
        };
        var shown = Regex.Matches(html, "data-figure=\"(\\w+)\">([\\d,]+)<").ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        shown.ShouldBe(expected);
        expected["missing"].ShouldBe(f.Withheld);

        // The workbook is attached under its Chinese name and opens.
        var attachment = message.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        attachment.FileName.ShouldBe($"地区对比-{year}.xlsx");
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes, Ct);
        bytes.Position = 0;
        using var workbook = SpreadsheetDocument.Open(bytes, isEditable: false);
        workbook.WorkbookPart!.Workbook!.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ShouldContain(DashboardChecker.CoverSheet);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 1)]
    public async Task A_server_that_refuses_or_drops_the_connection_gets_a_retry_and_a_log_line_never_a_duplicate(int refuse, int drop)
    {
        using var sink = SmtpSink.Start(refuse, drop);
        var log = new Lines();
        var request = new DigestRequest("filing-status", null, null, [$"retry-{refuse}-{drop}@example.gov.cn"]);
        var e = await Should.ThrowAsync<DigestDeliveryException>(() => Service(log).SendAsync(request, Smtp(sink), Ct));
        e.Message.ShouldContain("a retry will send it");
        log.Warnings.ShouldHaveSingleItem().ShouldContain("it will be retried");
        sink.Messages.ShouldBeEmpty();

        (await Service(log).SendAsync(request, Smtp(sink), Ct)).ShouldBe(DigestOutcome.Sent);
        (await Service(log).SendAsync(request, Smtp(sink), Ct)).ShouldBe(DigestOutcome.AlreadySent);
        sink.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_attempt_of_unknown_outcome_is_not_repeated_unless_an_operator_asks()
    {
        using var sink = SmtpSink.Start();
        var request = new DigestRequest("year-comparison", null, null, ["unknown@example.gov.cn"]);
        var digest = await Service().BuildAsync(request, Directory.CreateDirectory(Path.Combine(f.Folder, "unknown")).FullName, Ct);
        await using (var c = await f.Database.OpenAsync(Ct))
        {
            await c.ExecuteAsync(
                "insert into digest_delivery (delivery_key, dashboard, region_code, report_year, recipients, message_id, status, attempted_at) values (@Key, 'year-comparison', null, @Year, @To, 'x', 'unknown', '2026-01-01')",
                new { Key = digest.DeliveryKey, digest.Year, To = digest.Recipients });
        }

        (await Service().SendAsync(request, Smtp(sink), Ct)).ShouldBe(DigestOutcome.NotSentAgain);
        sink.Messages.ShouldBeEmpty();
        (await Service().SendAsync(request, Smtp(sink), Ct, resend: true)).ShouldBe(DigestOutcome.Sent);
        (await Service().SendAsync(request, Smtp(sink), Ct)).ShouldBe(DigestOutcome.AlreadySent);
        sink.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_dry_run_writes_an_eml_file_and_records_nothing()
    {
        var dir = Path.Combine(f.Folder, "dry-run");
        var path = await Service().WriteEmlAsync(new DigestRequest("disposal-results", null, null, ["a@example.gov.cn"]), dir, Ct);
        var message = await MimeMessage.LoadAsync(path, Ct);
        message.Attachments.OfType<MimePart>().ShouldHaveSingleItem().FileName.ShouldStartWith("办理结果-");
        File.ReadAllLines(path).ShouldAllBe(l => l.Length <= 998, "a relay may break longer lines");
        await using var c = await f.Database.OpenAsync(Ct);
        (await c.ExecuteScalarAsync<long>("select count(*) from digest_delivery where dashboard = 'disposal-results'")).ShouldBe(0);
    }

    [Fact]
    public async Task Bad_recipients_and_regions_are_sentences()
    {
        (await Should.ThrowAsync<SelectionException>(() => Service().WriteEmlAsync(new DigestRequest("region-comparison", null, null, ["not an address"]), f.Folder, Ct)))
            .Message.ShouldContain("is not an email address");
        (await Should.ThrowAsync<SelectionException>(() => Service().WriteEmlAsync(new DigestRequest("region-comparison", "99", null, ["a@example.gov.cn"]), f.Folder, Ct)))
            .Message.ShouldContain("not a region code");
    }

    /// <summary>What the digest logs, as lines.</summary>
    private sealed class Lines : ILogger<DigestService>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning) Warnings.Add(formatter(state, exception));
        }
    }
}
