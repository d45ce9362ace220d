using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using MimeKit;
using Shouldly;
using Warehouse.Export.Digest;

namespace Warehouse.Export.Tests;

/// <summary>What leadership reads in the digest: who is late or missing, the on-time rate, undated reports, on a phone's screen.</summary>
public sealed class DigestBodyTests(DigestFixture f) : IClassFixture<DigestFixture>
{
    /// <summary>A phone's screen, in CSS pixels (an iPhone 12–15).</summary>
    private const int PhoneWidth = 390;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Digest.Digest> BuildAsync(string dashboard)
    {
        var work = Directory.CreateDirectory(Path.Combine(f.Folder, $"build-{Guid.NewGuid():N}")).FullName;
        return await new DigestService(f.Database, f.Catalog, TimeProvider.System).BuildAsync(new DigestRequest(dashboard, null, null, ["leader@example.gov.cn"]), work, Ct);
    }

    [Fact]
    public async Task The_body_names_the_late_and_missing_agencies_and_gives_the_on_time_rate_and_the_undated_reports()
    {
        var digest = await BuildAsync("filing-status");
        var html = digest.Message.HtmlBody!;
        var text = digest.Message.TextBody!;
        const int year = DigestFixture.LastYear;

        await using var c = await f.Database.OpenAsync(Ct);
        var status = (await c.QueryAsync<(string Status, long N)>("select status, count(*) from v_filing_status where year = @year group by status", new { year }))
            .ToDictionary(r => r.Status, r => r.N);
        long Count(string s) => status.GetValueOrDefault(s);
        Count("late").ShouldBeGreaterThan(DigestService.ListLimit, "the fixture has more late agencies than a digest lists");
        Count("undated").ShouldBeGreaterThan(0);
        Count("missing").ShouldBe(f.Withheld);

        // The figures: the on-time rate as the warehouse defines it (on time / expected), undated reports by their Chinese name.
        var rate = (double)Count("on_time") / status.Values.Sum();
        Figure(html, "on_time_rate").ShouldBe(rate.ToString("0.0%", CultureInfo.InvariantCulture));
        Figure(html, "undated").ShouldBe(Count("undated").ToString(CultureInfo.InvariantCulture));
        Figure(html, "late").ShouldBe(Count("late").ToString(CultureInfo.InvariantCulture));
        html.ShouldContain(">按时发布率</th>");
        html.ShouldContain(">未注明日期</th>");
        text.ShouldContain($"按时发布率：{rate.ToString("0.0%", CultureInfo.InvariantCulture)}（按时发布 {Count("on_time")} 个 / 应发布 {status.Values.Sum()} 个机关");
        text.ShouldContain($"未注明日期：{Count("undated")}");

        // The late agencies: the first ten by name with their dates, and how many there are.
        var late = (await c.QueryAsync<(string Agency, string Published)>("select agency, published from v_filing_status where year = @year and status = 'late'", new { year }))
            .ToDictionary(r => r.Agency, r => r.Published);
        html.ShouldContain($"<h3>逾期发布的机关（共 {late.Count} 个，列出前 {DigestService.ListLimit} 个）</h3>");
        var listed = Items(html, "late");
        listed.Count.ShouldBe(DigestService.ListLimit);
        foreach (var item in listed)
        {
            var agency = item[..item.IndexOf('（', StringComparison.Ordinal)];
            late.ShouldContainKey(agency);
            item.ShouldEndWith($"，{late[agency]} 发布");
            text.ShouldContain($"  {item}");
        }

        // The missing agencies: all of them (no more than the limit).
        var missing = (await c.QueryAsync<string>("select agency from v_filing_status where year = @year and status = 'missing'", new { year })).ToList();
        html.ShouldContain($"<h3>未发布的机关（共 {missing.Count} 个）</h3>");
        Items(html, "missing").Select(i => i[..i.IndexOf('（', StringComparison.Ordinal)]).ShouldBe(missing, ignoreOrder: true);
    }

    [Fact]
    public async Task On_a_phones_screen_nothing_is_wider_than_the_screen_and_the_charts_keep_their_shape()
    {
        var digest = await BuildAsync("region-comparison");
        var folder = Directory.CreateDirectory(Path.Combine(f.Folder, $"phone-{Guid.NewGuid():N}")).FullName;
        var page = EmlPage.Write(digest.Message, folder);

        // Chromium lays the page out at a phone's width (its headless window is at least 500 wide,
        // so the page is held to the phone's width) and reports the widest element and the charts' boxes.
        var probe = $$"""
            <style>html { width: {{PhoneWidth}}px; }</style>
            <script>
            window.addEventListener('load', () => {
              const right = Math.max(...Array.from(document.querySelectorAll('body *')).map(e => e.getBoundingClientRect().right));
              const charts = Array.from(document.images).map(i => `${i.getBoundingClientRect().width}x${i.getBoundingClientRect().height}`);
              const p = document.createElement('pre'); p.id = 'probe'; p.textContent = `right=${right} charts=${charts.join(',')}`;
              document.body.appendChild(p);
            });
            </script>
            """;
        File.WriteAllText(page, File.ReadAllText(page).Replace("</head>", probe + "</head>", StringComparison.Ordinal));
        var dom = Chromium(folder, "--dump-dom", new Uri(page).AbsoluteUri);
        var found = Regex.Match(dom, "right=([\\d.]+) charts=([^<]*)<");
        found.Success.ShouldBeTrue(dom.Length > 2000 ? dom[^2000..] : dom);

        double.Parse(found.Groups[1].Value, CultureInfo.InvariantCulture).ShouldBeLessThanOrEqualTo(PhoneWidth);
        var charts = found.Groups[2].Value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(b => b.Split('x').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        charts.Count.ShouldBe(digest.Message.BodyParts.OfType<MimePart>().Count(p => p.ContentType.MediaType == "image"));
        charts.Count.ShouldBeGreaterThan(0);
        foreach (var box in charts)
        {
            box[0].ShouldBeLessThanOrEqualTo(PhoneWidth);
            box[0].ShouldBeGreaterThan(PhoneWidth * 0.8, "a chart uses the screen's width");
            (box[1] / box[0]).ShouldBe((double)ChartRenderer.Height / ChartRenderer.Width, 0.02, "a chart keeps its proportions");
        }
    }

    private static string Figure(string html, string name) => WebUtility.HtmlDecode(Regex.Match(html, $"data-figure=\"{name}\">([^<]*)<").Groups[1].Value).Replace(",", "", StringComparison.Ordinal);

    private static List<string> Items(string html, string status) =>
        Regex.Matches(html, $"<li data-gap=\"{status}\">([^<]*)</li>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    /// <summary>Runs headless Chromium (Debian's chromium, which tests/run installs) with a profile of its own in <paramref name="folder"/>.</summary>
    internal static string Chromium(string folder, params string[] args)
    {
        var binary = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Chromium is not installed: apt-get install chromium (tests/run installs it); the digest is checked at a phone's width with it");
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", $"--user-data-dir={Path.Combine(folder, ".chromium")}", "--virtual-time-budget=10000" }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            p.Kill(true);
            throw new TimeoutException("Chromium did not finish within two minutes.");
        }

        p.ExitCode.ShouldBe(0, error.Result);
        return output.Result;
    }
}

/// <summary>A message's HTML body as a web page: its inline images written beside it and their cid: links pointed at them.</summary>
internal static class EmlPage
{
    public static string Write(MimeMessage message, string folder)
    {
        var html = message.HtmlBody ?? throw new InvalidOperationException("The message has no HTML body.");
        var n = 0;
        foreach (var image in message.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MediaType == "image" && p.ContentId is not null))
        {
            var name = $"image{++n}.{image.ContentType.MediaSubtype}";
            using (var file = File.Create(Path.Combine(folder, name)))
            {
                image.Content!.DecodeTo(file);
            }

            html = html.Replace($"cid:{image.ContentId}", name, StringComparison.Ordinal);
        }

        var path = Path.Combine(folder, "digest.html");
        File.WriteAllText(path, html);
        return path;
    }
}
