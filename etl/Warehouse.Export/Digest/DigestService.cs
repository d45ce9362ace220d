using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Warehouse.Core.Regions;
using Warehouse.Data;
using Warehouse.Export.Dashboards;

namespace Warehouse.Export.Digest;

/// <summary>
/// Builds the emailed digest (a dashboard's workbook attached, the headline figures and the
/// charts in the body) and sends it at most once per period and recipient list: the delivery
/// is claimed in the warehouse before the mail goes out and marked sent when the server takes it.
/// </summary>
public sealed class DigestService(WarehouseDatabase database, DashboardCatalog dashboards, TimeProvider time, ILogger<DigestService>? logger = null)
{
    /// <summary>The source the attached workbook's cover names (数据来源); by default <c>WAREHOUSE_SOURCE_NAME</c> or <see cref="Exporter.DefaultSourceName"/>.</summary>
    public string SourceName { get; init; } = Exporter.ConfiguredSourceName();

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private readonly ILogger _log = logger ?? NullLogger<DigestService>.Instance;

    /// <summary>The most late or missing agencies a digest names of each; the count says how many there are.</summary>
    public const int ListLimit = 10;

    /// <summary>Builds the digest of <paramref name="request"/>, its workbook written into <paramref name="workFolder"/>.</summary>
    /// <exception cref="SelectionException">An unknown dashboard or region, a bad recipient, or no reports for the year and region (the message names the years loaded): no digest is made.</exception>
    public async Task<Digest> BuildAsync(DigestRequest request, string workFolder, CancellationToken ct)
    {
        var to = Recipients(request.To);
        var dashboard = dashboards.Find(request.Dashboard)
            ?? throw new SelectionException($"no dashboard {request.Dashboard} in {dashboards.Folder}; see ./warehouse dashboards list");
        Region? region = null;
        if (request.Region is { } code)
        {
            region = DivisionList.Default.Find(code) ?? throw new SelectionException($"--region {code} is not a region code of the national division list");
        }

        var schedule = request.Every ?? DigestSchedule.Parse("month", Exporter.ChinaTime);
        var period = schedule.PeriodAt(time.GetUtcNow());
        await using var c = await database.OpenAsync(ct);
        var year = await YearWithReportsAsync(c, request.Year, region, ct);
        var args = new { Year = year, Region = region?.Code };
        var headline = (await Rows(c, "queries/digest_headline", args, ct)).Select(r => new Headline(L(r[0]), L(r[1]), L(r[2]), L(r[3]), L(r[4]), L(r[5]), L(r[6]))).Single();
        var changes = (await Rows(c, "queries/digest_changes", args, ct))
            .Select(r => new Change(r[0]?.ToString() ?? "", r[1]?.ToString(), N(r[2]), N(r[3]), N(r[4]))).ToList();
        var register = (await Rows(c, "queries/digest_register", args, ct))
            .Select(r => new RegisterHeadline(L(r[0]), L(r[1]), L(r[2]), L(r[3]), L(r[4]), L(r[5]), L(r[6]), L(r[7]), L(r[8]), L(r[9]))).Single();

        // With a roster, the late and missing agencies named are the register's: those that never published too.
        var gaps = (await Rows(c, register.HasRoster ? "queries/digest_register_late_missing" : "queries/digest_late_missing", args, ct))
            .Select(r => new FilingGap(r[0]?.ToString() ?? "", r[1]?.ToString() ?? "", r[2]?.ToString(), Date(r[3]))).ToList();

        // The workbook of the period: one year, or the dashboard's span of years ending with it.
        var (first, last) = dashboard.Filters.SingleYear || dashboard.Filters.Years.Kind == "latest" ? (year, year)
            : dashboard.Filters.Years.Kind == "last" ? (year - dashboard.Filters.Years.Count + 1, year) : ((int?)null, (int?)year);
        var regionName = region?.Name ?? "全部地区";
        var workbookName = $"{dashboard.Title}-{year}{(region is null ? "" : "-" + region.Name)}.xlsx";
        var cover = new CoverSection(RegisterTitle, RegisterFigures(register).Select(x => KeyValuePair.Create(x.Label, x.Note is null ? x.Value : $"{x.Value}（{x.Note}）"))
            .DefaultIfEmpty(KeyValuePair.Create("应报名单", NoRoster(year, region))).ToList());
        var export = await new Exporter(database, time) { SourceName = SourceName, CoverSections = [cover] }.ExportAsync(dashboard,
            new SelectionRequest(first ?? last, last, dashboard.Filters.Region ? region?.Code : null), Path.Combine(workFolder, workbookName), null, ct);

        var key = Key(dashboard.Name, region?.Code, request.Year, to, schedule, period);
        var message = Compose(dashboard, year, region, regionName, headline, register, changes, gaps, export, to, key, workbookName);
        return new Digest(message, year, regionName, headline, changes, gaps, schedule, period, key, string.Join(", ", to), workbookName) { Register = register };
    }

    /// <summary>The year asked for, or the latest loaded, when the region has reports for it.</summary>
    /// <exception cref="SelectionException">No reports for it: the message names the years that are loaded (for the region, or at all).</exception>
    private async Task<int> YearWithReportsAsync(DbConnection c, int? asked, Region? region, CancellationToken ct)
    {
        async Task<List<int>> YearsAsync(string? code) =>
            (await Rows(c, "queries/digest_years", new { Region = code }, ct)).Select(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture)).ToList();

        var all = await YearsAsync(null);
        if (all.Count == 0) throw new SelectionException("数据仓库中还没有报告，摘要不发送 / the warehouse holds no reports yet: no digest is sent");
        var year = asked ?? all[^1];
        var here = region is null ? all : await YearsAsync(region.Code);
        if (here.Contains(year)) return year;
        var where = region is null ? "" : $"{region.Name}（{region.Code}）";
        var loaded = here.Count > 0 ? $"{where}已载入的年度：{string.Join("、", here)}" : $"{where}没有任何报告；数据仓库已载入的年度：{string.Join("、", all)}";
        throw new SelectionException($"{where}没有 {year} 年度的报告，摘要不发送；{loaded} / no reports for {year}{(region is null ? "" : $" in {region.Code}")}: no digest is sent; years loaded: {string.Join(", ", here.Count > 0 ? here : all)}");
    }

    /// <summary>A dry run: the digest written as an .eml file into <paramref name="folder"/>; nothing is sent or recorded.</summary>
    public async Task<string> WriteEmlAsync(DigestRequest request, string folder, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("warehouse-digest-");
        try
        {
            var digest = await BuildAsync(request, work.FullName, ct);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(Path.GetFullPath(folder), "digest.eml");
            var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".digest.{Guid.NewGuid():N}.tmp");
            try
            {
                await digest.Message.WriteToAsync(temporary, ct);
                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }

            return path;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Sends the digest unless it was sent (or may have been) for this period of its schedule and these recipients.</summary>
    /// <param name="resend">Send even when it was sent this period, or an earlier attempt ended without knowing whether the server took it (an operator's decision).</param>
    /// <exception cref="SelectionException">No reports for the year and region: nothing is sent (see <see cref="BuildAsync"/>).</exception>
    /// <exception cref="DigestDeliveryException">The server refused it or dropped the connection before taking it; a retry will send it.</exception>
    public async Task<DigestOutcome> SendAsync(DigestRequest request, SmtpOptions smtp, CancellationToken ct, bool resend = false)
    {
        var work = Directory.CreateTempSubdirectory("warehouse-digest-");
        try
        {
            var digest = await BuildAsync(request, work.FullName, ct);
            digest.Message.From.Clear();
            digest.Message.From.Add(MailboxAddress.Parse(smtp.From));
            var id = digest.DeliveryKey[..12];
            var period = digest.Period.Start is { } s ? s.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";
            await using var c = await database.OpenAsync(ct);
            var existing = (await Rows(c, "queries/digest_find", new { Key = digest.DeliveryKey }, ct)).FirstOrDefault();
            if (existing is not null)
            {
                var status = existing[0]?.ToString();
                if (!resend && status == "sent")
                {
                    if (_log.IsEnabled(LogLevel.Information))
                    {
                        _log.AlreadySent(id, request.Dashboard, digest.Year, digest.Schedule.Describe(), period, existing[3], digest.Recipients, digest.Period.NextText);
                    }
                    return DigestOutcome.AlreadySent;
                }

                if (!resend)
                {
                    _log.OutcomeUnknown(
                        id, request.Dashboard, digest.Year, digest.Recipients, existing[2]);
                    return DigestOutcome.NotSentAgain;
                }

                _log.Resending(id, status);
                await c.ExecuteAsync(new CommandDefinition(database.Sql.Get("queries/digest_forget"), new { Key = digest.DeliveryKey }, cancellationToken: ct));
            }

            try
            {
                await c.ExecuteAsync(new CommandDefinition(database.Sql.Get("queries/digest_claim"), new
                {
                    Key = digest.DeliveryKey,
                    request.Dashboard,
                    Region = request.Region,
                    ReportYear = digest.Year,
                    Schedule = digest.Schedule.Cron,
                    PeriodStart = digest.Period.Key,
                    digest.Recipients,
                    MessageId = digest.Message.MessageId,
                    At = time.GetUtcNow().UtcDateTime,
                }, cancellationToken: ct));
            }
            catch (DbException)
            {
                _log.ClaimedElsewhere(id);
                return DigestOutcome.NotSentAgain;
            }

            var delivered = await DeliverAsync(digest, smtp, c, ct);
            await c.ExecuteAsync(new CommandDefinition(database.Sql.Get("queries/digest_mark"), new { Key = digest.DeliveryKey, Status = "sent", SentAt = (DateTime?)time.GetUtcNow().UtcDateTime }, cancellationToken: ct));
            _log.Sent(
                id, request.Dashboard, digest.Year, digest.Recipients, smtp.Host, delivered, digest.Period.NextText);
            return DigestOutcome.Sent;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task<string> DeliverAsync(Digest digest, SmtpOptions smtp, DbConnection c, CancellationToken ct)
    {
        using var client = new TrackingSmtpClient();
        client.Timeout = 60_000;
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTlsWhenAvailable,
            }, ct);
            if (smtp.User is not null) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
            var response = await client.SendAsync(digest.Message, ct);
            await client.DisconnectAsync(true, CancellationToken.None);
            return response;
        }
        catch (Exception e) when (e is IOException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException
                                  or System.Net.Sockets.SocketException or SslHandshakeException or TimeoutException)
        {
            var reason = e is SmtpCommandException s ? $"{(int)s.StatusCode} {s.Message.Trim()}" : e.Message.Trim();
            if (client.MayHaveDelivered && e is not SmtpCommandException)
            {
                // The connection failed after the message went out: the server may have it.
                await c.ExecuteAsync(new CommandDefinition(database.Sql.Get("queries/digest_mark"), new { Key = digest.DeliveryKey, Status = "unknown", SentAt = (DateTime?)null }, cancellationToken: CancellationToken.None));
                _log.MayHaveBeenDelivered(
                    digest.DeliveryKey[..12], digest.Recipients, smtp.Host, reason);
                throw new DigestDeliveryException($"not sent: the connection to {smtp.Host} failed while sending ({reason}); the digest may have been delivered and will not be sent again", e);
            }

            await c.ExecuteAsync(new CommandDefinition(database.Sql.Get("queries/digest_release"), new { Key = digest.DeliveryKey }, cancellationToken: CancellationToken.None));
            _log.NotSent(digest.DeliveryKey[..12], digest.Recipients, smtp, reason);
            throw new DigestDeliveryException($"not sent: {smtp.Host} did not take the digest ({reason}); nothing was delivered, and a retry will send it", e);
        }
    }

    /// <summary>The heading of the register's figures, in the mail and on the workbook's cover.</summary>
    public const string RegisterTitle = "报送台账（按应报名单）";

    /// <summary>What the digest says instead of the register's figures when no roster covers its year and region: never zeros that read as an all-clear.</summary>
    public static string NoRoster(int year, Region? region) =>
        $"未导入应报名单，无法统计应报/未发布：{year} 年度{region?.Name}尚无应报名单。上表的应发布、未发布只按上一年度有报告的机关推算，从未发布报告的机关不在其中；雷同、整改事项也待导入应报名单后统计。";

    /// <summary>The register's figures as the mail and the cover show them (name, label, value, note); none without a roster.</summary>
    public static IReadOnlyList<(string Name, string Label, string Value, string? Note)> RegisterFigures(RegisterHeadline r)
    {
        if (!r.HasRoster) return [];
        static string Num(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
        static string Rate(double? v) => v?.ToString("0.0%", CultureInfo.InvariantCulture) ?? "—";
        return
        [
            ("expected", "应报机关", Num(r.Expected), "应报名单上的机关"),
            ("received", "收到报告", Num(r.Received), $"报告覆盖率 {Rate(r.CoverageRate)} = 收到报告 ÷ 应报机关"),
            ("on_time", "按时发布", Num(r.OnTime), $"按时发布率 {Rate(r.OnTimeRate)} = 按时发布 ÷ 应报机关；在本地区报送期限前发布为按时"),
            ("late", "逾期发布", Num(r.Late), "报送期限后发布"),
            ("undated", "未注明日期", Num(r.Undated), "报告未写明日期，无法判断是否按时"),
            ("missing", "未发布", Num(r.Missing), "报送期限已过，未发现报告"),
            ("unverifiable", "无法核实", Num(r.Unverifiable), "报告文件无法读取或抓取失败"),
            ("not_due", "未到期限", Num(r.NotDue), "尚无报告，报送期限未到"),
            ("resemblance", "雷同", Num(r.Resemblance), "报告文字或表三与本机关往年或同地区报告雷同"),
            ("open_items", "未整改", Num(r.OpenItems), "尚未整改完毕的问题：待通报、已通报、整改中"),
        ];
    }

    private MimeMessage Compose(Dashboard dashboard, int year, Region? region, string regionName, Headline h, RegisterHeadline register, IReadOnlyList<Change> changes, IReadOnlyList<FilingGap> gaps, ExportResult export,
        IReadOnlyList<MailboxAddress> to, string key, string workbookName)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(SmtpOptions.DefaultFrom));
        message.To.AddRange(to);
        message.Subject = $"政府信息公开年度报告摘要 · {year}年度 · {regionName}";
        message.MessageId = $"{key[..24]}.{year}@digest.warehouse";
        message.Date = TimeZoneInfo.ConvertTime(time.GetUtcNow(), Exporter.ChinaTime);

        var builder = new BodyBuilder();
        var html = new StringBuilder();
        var text = new StringBuilder();
        string E(object? v) => WebUtility.HtmlEncode(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "");
        string Num(long? v) => v?.ToString("N0", CultureInfo.InvariantCulture) ?? "—";
        const string Table = "<table style=\"border-collapse:collapse;max-width:100%\" cellpadding=\"6\" border=\"1\">";

        // A phone shows it as well as a desktop: the page as wide as the screen, charts no wider.
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>");
        html.Append("<body style=\"font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;font-size:14px;margin:8px;max-width:980px\">");
        html.Append(CultureInfo.InvariantCulture, $"<h2>政府信息公开年度报告摘要 · {year}年度 · {E(regionName)}</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(dashboard.Title)}工作簿见附件（{E(workbookName)}）：汇总表、图表和可重新透视的明细。</p>");
        html.Append(Table);
        text.AppendLine(CultureInfo.InvariantCulture, $"政府信息公开年度报告摘要 · {year}年度 · {regionName}").AppendLine();
        void Figure(string name, string label, string value, string? note = null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th align=\"left\" style=\"white-space:nowrap\">{E(label)}</th><td align=\"right\" style=\"white-space:nowrap\" data-figure=\"{name}\">{E(value)}</td><td>{E(note)}</td></tr>");
            text.AppendLine(CultureInfo.InvariantCulture, $"{label}：{value}{(note is null ? "" : $"（{note}）")}");
        }

        Figure("received", "收到报告", Num(h.Received));
        Figure("on_time_rate", "按时发布率", h.OnTimeRate is { } rate ? rate.ToString("0.0%", CultureInfo.InvariantCulture) : "—",
            $"按时发布 {Num(h.OnTime)} 个 / 应发布 {Num(h.Expected)} 个机关；1 月 31 日前发布为按时");
        Figure("late", "逾期发布", Num(h.Late), "次年 1 月 31 日后发布");
        Figure("undated", "未注明日期", Num(h.Undated), "报告未写明发布日期，无法判断是否按时");
        Figure("missing", "未发布", Num(h.Missing), "上一年度报告过、本年度没有报告");
        Figure("inconsistent", "数据不一致", Num(h.Inconsistent), "报告中有勾稽关系错误");
        html.Append("</table>");

        // The register over the roster: who was expected, not only who reported before (rule 6 above).
        html.Append(CultureInfo.InvariantCulture, $"<h3>{RegisterTitle}</h3>");
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{RegisterTitle}：");
        var figures = RegisterFigures(register);
        if (figures.Count > 0)
        {
            const string Basis = "以当年应报名单上的机关为基数，从未发布报告的机关也计入；上表按上一年度有报告的机关推算（规则 6）。";
            html.Append(CultureInfo.InvariantCulture, $"<p>{Basis}</p>");
            text.AppendLine(CultureInfo.InvariantCulture, $"  {Basis}");
        }

        if (figures.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p data-register=\"none\" style=\"color:#C00000\">{E(NoRoster(year, region))}</p>");
            text.AppendLine(CultureInfo.InvariantCulture, $"  {NoRoster(year, region)}");
        }
        else
        {
            html.Append(Table);
            foreach (var (name, label, value, note) in figures)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><th align=\"left\" style=\"white-space:nowrap\">{E(label)}</th><td align=\"right\" style=\"white-space:nowrap\" data-register=\"{name}\">{E(value)}</td><td>{E(note)}</td></tr>");
                text.AppendLine(CultureInfo.InvariantCulture, $"  {label}：{value}{(note is null ? "" : $"（{note}）")}");
            }

            html.Append("</table>");
        }

        // The late and missing agencies by name: the first of each, and how many there are.
        var lists = register.HasRoster
            ? new[] { ("late", "应报名单中逾期发布的机关", register.Late), ("missing", "应报名单中未发布的机关", register.Missing) }
            : new[] { ("late", "逾期发布的机关", h.Late), ("missing", "未发布的机关", h.Missing) };
        foreach (var (status, title, total) in lists)
        {
            var named = gaps.Where(g => g.Status == status).Take(ListLimit).ToList();
            if (total == 0) continue;
            var count = total > named.Count ? $"共 {Num(total)} 个，列出前 {named.Count} 个" : $"共 {Num(total)} 个";
            html.Append(CultureInfo.InvariantCulture, $"<h3>{title}（{count}）</h3><ul style=\"padding-left:20px\">");
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{title}（{count}）：");
            foreach (var g in named)
            {
                var line = $"{g.Agency}{(g.Region is null ? "" : $"（{g.Region}）")}{(g.Published is null ? "" : $"，{g.Published} 发布")}";
                html.Append(CultureInfo.InvariantCulture, $"<li data-gap=\"{status}\">{E(line)}</li>");
                text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
            }

            html.Append("</ul>");
        }

        if (changes.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>受理申请数与上一年度相比变化最大的机关</h3>{Table}");
            html.Append("<tr><th>机关</th><th>地区</th><th>上一年度</th><th>本年度</th><th>变化</th></tr>");
            text.AppendLine().AppendLine("受理申请数与上一年度相比变化最大的机关：");
            foreach (var ch in changes)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(ch.Agency)}</td><td>{E(ch.Region)}</td><td align=\"right\">{Num(ch.Previous)}</td><td align=\"right\">{Num(ch.Current)}</td><td align=\"right\">{(ch.Difference > 0 ? "+" : "")}{Num(ch.Difference)}</td></tr>");
                text.AppendLine(CultureInfo.InvariantCulture, $"  {ch.Agency}（{ch.Region}）：{Num(ch.Previous)} → {Num(ch.Current)}（{(ch.Difference > 0 ? "+" : "")}{Num(ch.Difference)}）");
            }

            html.Append("</table>");
        }

        var n = 0;
        foreach (var chart in export.ChartImages)
        {
            var image = builder.LinkedResources.Add($"chart{++n}.png", chart.Png, new ContentType("image", "png"));
            image.ContentId = MimeKit.Utils.MimeUtils.GenerateMessageId("digest.warehouse");

            // width for mail programs that ignore CSS; max-width and height:auto shrink it to a phone's screen.
            html.Append(CultureInfo.InvariantCulture, $"<h3>{E(chart.Title)}</h3><img src=\"cid:{image.ContentId}\" alt=\"{E(chart.Title)}\" width=\"{ChartRenderer.Width}\" style=\"display:block;max-width:100%;height:auto\">");
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"（图表“{chart.Title}”见 HTML 版本或附件）");
        }

        html.Append("<p style=\"color:#595959\">比率由数据仓库按汇总数计算；受理申请少于 30 件的比率不参与排名。此邮件由 Warehouse 自动发送。</p></body></html>");
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"附件：{workbookName}");
        builder.HtmlBody = html.ToString();
        builder.TextBody = text.ToString();
        var attachment = builder.Attachments.Add(workbookName, File.ReadAllBytes(export.Path), ContentType.Parse(Xlsx));

        // The Chinese file name in RFC 2047 form (name="=?utf-8?b?…?="), as Outlook and Gmail write
        // it and every mail program reads it; MimeKit's default, RFC 2231 (filename*=utf-8''…), is
        // not decoded by some (older Outlook, several webmail), which then show a made-up name.
        foreach (var p in attachment.ContentDisposition!.Parameters.Concat(attachment.ContentType.Parameters).Where(p => p.Name is "filename" or "name"))
        {
            p.EncodingMethod = ParameterEncodingMethod.Rfc2047;
        }

        message.Body = builder.ToMessageBody();

        // Chinese text in 8-bit lines longer than SMTP allows would be mangled by a strict relay:
        // every part is encoded to 7-bit (quoted-printable or base64) with short lines.
        message.Prepare(EncodingConstraint.SevenBit, 78);
        return message;
    }

    /// <summary>The recipients, checked and in a stable order (the delivery key depends on it).</summary>
    private static List<MailboxAddress> Recipients(IReadOnlyList<string> to)
    {
        if (to.Count == 0) throw new SelectionException("a digest needs at least one recipient (--to ADDRESS)");
        var list = new List<MailboxAddress>();
        foreach (var address in to)
        {
            if (!MailboxAddress.TryParse(address, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
            {
                throw new SelectionException($"'{address}' is not an email address");
            }

            list.Add(mailbox);
        }

        return list.DistinctBy(m => m.Address.ToLowerInvariant()).OrderBy(m => m.Address.ToLowerInvariant(), StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The delivery key: the dashboard, region, year asked for (or "latest"), recipients, and the
    /// schedule's period; so a digest goes out once per period whichever year is the latest.
    /// </summary>
    private static string Key(string dashboard, string? region, int? year, IEnumerable<MailboxAddress> to, DigestSchedule schedule, DigestPeriod period) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', dashboard, region ?? "", year?.ToString(CultureInfo.InvariantCulture) ?? "latest",
            string.Join(',', to.Select(m => m.Address.ToLowerInvariant())), schedule.Cron, period.Key))));

    private async Task<List<object?[]>> Rows(DbConnection c, string query, object args, CancellationToken ct)
    {
        var rows = new List<object?[]>();
        await using var reader = await c.ExecuteReaderAsync(new CommandDefinition(database.Sql.Get(query), args, cancellationToken: ct));
        while (await reader.ReadAsync(ct))
        {
            var values = new object?[reader.FieldCount];
            reader.GetValues(values!);
            rows.Add(values.Select(v => v is DBNull ? null : v).ToArray());
        }

        return rows;
    }

    private static long L(object? v) => v is null ? 0 : Convert.ToInt64(v, CultureInfo.InvariantCulture);

    private static long? N(object? v) => v is null ? null : Convert.ToInt64(v, CultureInfo.InvariantCulture);

    private static string? Date(object? v) => v switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };

    /// <summary>An SMTP client that knows when the message may already be with the server (its recipients were accepted).</summary>
    private sealed class TrackingSmtpClient : SmtpClient
    {
        public bool MayHaveDelivered { get; private set; }

        protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
            base.OnRecipientAccepted(message, mailbox, response);
            MayHaveDelivered = true;
        }
    }
}
