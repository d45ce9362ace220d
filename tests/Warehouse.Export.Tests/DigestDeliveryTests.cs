using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;
using MimeKit;
using Shouldly;
using Warehouse.Core.Regions;
using Warehouse.Export.Digest;

namespace Warehouse.Export.Tests;

/// <summary>
/// How the digest arrives: its attachment's name as mail programs read it from the raw message,
/// once per period of its schedule, and never a digest of nothing.
/// </summary>
public sealed class DigestDeliveryTests(DigestFixture f) : IClassFixture<DigestFixture>
{
    private static readonly TimeZoneInfo Beijing = Exporter.ChinaTime;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SmtpOptions Smtp(SmtpSink sink) => new("127.0.0.1", sink.Port, SmtpSecurity.None, From: "Warehouse <warehouse@example.gov.cn>");

    private static DateTimeOffset InBeijing(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, TimeSpan.FromHours(8));

    [Fact]
    public async Task The_attachment_name_is_written_in_RFC_2047_form_and_decodes_to_the_Chinese_name()
    {
        using var sink = SmtpSink.Start();
        var service = new DigestService(f.Database, f.Catalog, TimeProvider.System);
        (await service.SendAsync(new DigestRequest("filing-status", null, null, ["names@example.gov.cn"]), Smtp(sink), Ct)).ShouldBe(DigestOutcome.Sent);
        var path = sink.Messages.ShouldHaveSingleItem();
        var expected = $"报送情况-{DigestFixture.LastYear}.xlsx";

        // The raw headers of the attachment, unfolded, as a mail program meets them.
        var raw = Encoding.ASCII.GetString(await File.ReadAllBytesAsync(path, Ct));
        var unfolded = Regex.Replace(raw, "\r?\n[ \t]+", " ");
        var disposition = Regex.Match(unfolded, "^Content-Disposition: attachment;.*$", RegexOptions.Multiline | RegexOptions.IgnoreCase).Value;
        var type = Regex.Match(unfolded, "^Content-Type: application/vnd\\.openxmlformats[^\r\n]*", RegexOptions.Multiline | RegexOptions.IgnoreCase).Value;
        foreach (var (header, parameter) in new[] { (disposition, "filename"), (type, "name") })
        {
            var value = Regex.Match(header, $"\\b{parameter}=\"([^\"]*)\"", RegexOptions.IgnoreCase);
            value.Success.ShouldBeTrue($"{parameter}=\"…\" in: {header}");
            value.Groups[1].Value.ShouldStartWith("=?utf-8?", Case.Insensitive);
            DecodeRfc2047(value.Groups[1].Value).ShouldBe(expected);
        }

        // Two mail readers that share no code with the sender agree: MimeKit and Python's email package.
        (await MimeMessage.LoadAsync(path, Ct)).Attachments.OfType<MimePart>().ShouldHaveSingleItem().FileName.ShouldBe(expected);
        Python("import email, email.policy, sys; m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default); "
               + "sys.stdout.buffer.write('\\n'.join(p.get_filename() for p in m.iter_attachments()).encode('utf-8'))", path).ShouldBe(expected);
    }

    [Fact]
    public async Task A_monthly_digest_goes_out_once_a_month_whatever_the_report_year_and_resend_overrides()
    {
        using var sink = SmtpSink.Start();
        var clock = new ManualTime(InBeijing(2025, 3, 10, 9, 30));
        var log = new Lines();
        var service = new DigestService(f.Database, f.Catalog, clock, log);
        var request = new DigestRequest("filing-status", null, null, ["monthly@example.gov.cn"], DigestSchedule.Parse("month", Beijing));

        (await service.SendAsync(request, Smtp(sink), Ct)).ShouldBe(DigestOutcome.Sent);
        log.Infos.Last().ShouldContain("下一期 2025-04-01 00:00");

        // Retried, or run again later in March: the month's digest is out.
        (await service.SendAsync(request, Smtp(sink), Ct)).ShouldBe(DigestOutcome.AlreadySent);
        clock.Now = InBeijing(2025, 3, 31, 23, 59, 59);
        (await service.SendAsync(request, Smtp(sink), Ct)).ShouldBe(DigestOutcome.AlreadySent);
        log.Infos.Last().ShouldContain("本期（2025-03-01 00:00 起）已于");
        log.Infos.Last().ShouldContain("下一期 2025-04-01 00:00");
        sink.Messages.Count.ShouldBe(1);

        // April is a new period, though the latest report year is the same.
        clock.Now = InBeijing(2025, 4, 1, 0, 0, 1);
        (await service.SendAsync(request, Smtp(sink), Ct)).ShouldBe(DigestOutcome.Sent);
        log.Infos.Last().ShouldContain("下一期 2025-05-01 00:00");
        (await service.SendAsync(request, Smtp(sink), Ct)).ShouldBe(DigestOutcome.AlreadySent);

        // An operator's --resend sends April's again.
        (await service.SendAsync(request, Smtp(sink), Ct, resend: true)).ShouldBe(DigestOutcome.Sent);
        sink.Messages.Count.ShouldBe(3);

        // The ledger keeps the schedule and the period (in UTC), and the report year apart from them.
        await using var c = await f.Database.OpenAsync(Ct);
        var rows = (await c.QueryAsync<(string Schedule, string PeriodStart, long ReportYear, string Status)>(
            "select schedule, period_start, report_year, status from digest_delivery where recipients = 'monthly@example.gov.cn' order by period_start")).ToList();
        rows.ShouldBe([("0 0 1 * *", "2025-02-28T16:00:00Z", DigestFixture.LastYear, "sent"), ("0 0 1 * *", "2025-03-31T16:00:00Z", DigestFixture.LastYear, "sent")]);
    }

    [Fact]
    public void A_schedules_period_runs_from_its_last_time_to_its_next_in_its_zone()
    {
        // Every Monday at 08:00 in Beijing; on a Wednesday the period began last Monday.
        var weekly = new DigestSchedule("0 8 * * 1", Beijing).PeriodAt(InBeijing(2025, 3, 12, 15, 0));
        weekly.Start.ShouldBe(InBeijing(2025, 3, 10, 8, 0));
        weekly.Next.ShouldBe(InBeijing(2025, 3, 17, 8, 0));
        weekly.Key.ShouldBe("2025-03-10T00:00:00Z");
        weekly.NextText.ShouldBe("2025-03-17 08:00");

        // At the very time, that time begins the period.
        new DigestSchedule("0 8 * * 1", Beijing).PeriodAt(InBeijing(2025, 3, 17, 8, 0)).Start.ShouldBe(InBeijing(2025, 3, 17, 8, 0));

        // The words are calendar periods; a quarter begins in January, April, July and October.
        var quarter = DigestSchedule.Parse("quarter", Beijing).PeriodAt(InBeijing(2025, 5, 20));
        (quarter.Start, quarter.Next).ShouldBe((InBeijing(2025, 4, 1), InBeijing(2025, 7, 1)));
        DigestSchedule.Parse("year", Beijing).PeriodAt(InBeijing(2025, 5, 20)).Start.ShouldBe(InBeijing(2025, 1, 1));
        DigestSchedule.Parse("month", Beijing).Describe().ShouldBe("每月");

        // A yearly cron found however far back its last time is (29 February: up to eight years).
        new DigestSchedule("0 0 29 2 *", Beijing).PeriodAt(InBeijing(2027, 3, 1)).Start.ShouldBe(InBeijing(2024, 2, 29));

        Should.Throw<SelectionException>(() => DigestSchedule.Parse("fortnightly", Beijing)).Message.ShouldContain("既不是 day、week、month、quarter、year，也不是 cron 表达式");
    }

    [Fact]
    public async Task A_year_or_region_without_reports_sends_nothing_and_names_the_years_loaded()
    {
        using var sink = SmtpSink.Start();
        var service = new DigestService(f.Database, f.Catalog, TimeProvider.System);
        var empty = new DigestRequest("region-comparison", null, 2019, ["nothing@example.gov.cn"]);
        var e = await Should.ThrowAsync<SelectionException>(() => service.SendAsync(empty, Smtp(sink), Ct));
        e.Message.ShouldStartWith("没有 2019 年度的报告，摘要不发送；已载入的年度：2022、2023");
        (await Should.ThrowAsync<SelectionException>(() => service.WriteEmlAsync(empty, Path.Combine(f.Folder, "empty"), Ct))).Message.ShouldBe(e.Message);
        File.Exists(Path.Combine(f.Folder, "empty", "digest.eml")).ShouldBeFalse();

        // A province none of the agencies is in: it has no reports at all, and says which years the warehouse has.
        await using var c = await f.Database.OpenAsync(Ct);
        var present = (await c.QueryAsync<string>("select distinct province_code from v_report_current where province_code is not null")).ToHashSet();
        var elsewhere = DivisionList.Default.Regions.First(r => r.Level == RegionLevel.Province && !present.Contains(r.Code));
        var region = await Should.ThrowAsync<SelectionException>(() => service.SendAsync(empty with { Region = elsewhere.Code, Year = null }, Smtp(sink), Ct));
        region.Message.ShouldStartWith($"{elsewhere.Name}（{elsewhere.Code}）没有 {DigestFixture.LastYear} 年度的报告，摘要不发送；{elsewhere.Name}（{elsewhere.Code}）没有任何报告；数据仓库已载入的年度：2022、2023");

        sink.Messages.ShouldBeEmpty();
        (await c.ExecuteScalarAsync<long>("select count(*) from digest_delivery where recipients = 'nothing@example.gov.cn'")).ShouldBe(0);
    }

    /// <summary>The text of RFC 2047 encoded words (B or Q encoding), joined as a mail program joins adjacent ones.</summary>
    private static string DecodeRfc2047(string value)
    {
        const string word = "=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=";
        var words = Regex.Matches(value, word);
        words.Count.ShouldBeGreaterThan(0);
        Regex.Replace(value, word, "").Trim().ShouldBeEmpty("nothing but encoded words");
        var bytes = new List<byte>();
        foreach (Match w in words)
        {
            var data = w.Groups[3].Value;
            if (w.Groups[2].Value is "b" or "B")
            {
                bytes.AddRange(Convert.FromBase64String(data));
                continue;
            }

            for (var i = 0; i < data.Length; i++)
            {
                if (data[i] == '=')
                {
                    bytes.Add(Convert.ToByte(data.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.Add(data[i] == '_' ? (byte)' ' : (byte)data[i]);
                }
            }
        }

        return Encoding.GetEncoding(words[0].Groups[1].Value).GetString(bytes.ToArray());
    }

    private static string Python(string script, string argument)
    {
        var start = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(argument);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        p.ExitCode.ShouldBe(0, error);
        return output;
    }

    /// <summary>What the digest logs, as lines.</summary>
    internal sealed class Lines : ILogger<DigestService>
    {
        public List<string> Infos { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) => Infos.Add(formatter(state, exception));
    }
}
