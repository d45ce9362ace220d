using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Warehouse.Jobs;
using Warehouse.SamplePortal;

namespace Warehouse.Serve.Tests;

/// <summary>
/// serve as an operator meets it on a real machine: it starts without tzdata (a slim container),
/// and a source that stopped answering is a red job that Hangfire retries and a degraded /health
/// that names no path.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class OperatorTests(ServeFixture f) : IClassFixture<ServeFixture>
{
    /// <summary>.NET finds no zone in an empty TZDIR; the product makes Beijing time itself, and Hangfire is given that zone too.</summary>
    [Fact]
    public async Task Serve_starts_without_tzdata_and_schedules_in_Beijing_time()
    {
        var ct = TestContext.Current.CancellationToken;
        var noTzdata = Directory.CreateDirectory(Path.Combine(f.Folder, "no-tzdata")).FullName;
        var port = ServeFixture.FreePort();
        var config = Path.Combine(f.Folder, "no-tzdata.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            Warehouse = new { Database = Path.Combine(f.Folder, "no-tzdata.db"), f.Sources, Dashboards = Path.Combine(Repo.Root, "dashboards"), Urls = $"http://127.0.0.1:{port}" },
        }), ct);

        var start = new ProcessStartInfo(Path.Combine(Repo.Root, "warehouse")) { WorkingDirectory = f.Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "serve", "--config", config }) start.ArgumentList.Add(a);
        start.Environment["TZDIR"] = noTzdata;
        start.Environment.Remove("TZ");
        using var serve = Process.Start(start)!;
        var output = new List<string>();
        var error = serve.StandardError.ReadToEndAsync(ct);
        try
        {
            // The launcher may build the CLI first; serve then prints its jobs and waits.
            var waited = Stopwatch.StartNew();
            while (true)
            {
                var line = await serve.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(TimeSpan.FromMinutes(8) - waited.Elapsed, ct);
                if (line is null) throw new ShouldAssertException($"serve stopped (exit {await ExitAsync(serve)}): {await error}{string.Join('\n', output)}");
                output.Add(line);
                if (line == "Ctrl+C stops.") break;
            }

            string.Join('\n', output).ShouldContain("cron in Asia/Shanghai");
            output.ShouldContain(l => l.TrimStart().StartsWith("crawl:site-0", StringComparison.Ordinal));

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            (await http.GetAsync("/health", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

            // The dashboard shows the crawl's next run: 02:30 in Beijing is 18:30 UTC the day before.
            var page = await http.GetStringAsync("/hangfire/recurring", ct);
            var next = Regex.Match(page, "value=\"crawl:site-0\".*?Asia/Shanghai.*?data-moment=\"(\\d+)\"", RegexOptions.Singleline);
            next.Success.ShouldBeTrue("the recurring jobs page lists crawl:site-0 in Asia/Shanghai with its next run");
            var utc = DateTimeOffset.FromUnixTimeSeconds(long.Parse(next.Groups[1].Value, CultureInfo.InvariantCulture));
            (utc.Hour, utc.Minute).ShouldBe((18, 30));
            serve.HasExited.ShouldBeFalse();
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
        }
    }

    private static async Task<int> ExitAsync(Process p)
    {
        await p.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        return p.ExitCode;
    }

    [Fact]
    public async Task A_crawl_whose_start_page_fails_is_a_failed_job_and_makes_health_degraded()
    {
        var ct = TestContext.Current.CancellationToken;

        // One source as the portal serves it, one whose column moved (its start page answers 404).
        var sources = Directory.CreateDirectory(Path.Combine(f.Folder, "sources-moved")).FullName;
        var site = f.Portal.Sites[0];
        await File.WriteAllTextAsync(Path.Combine(sources, "working.yaml"), site.SourceYaml(TimeSpan.FromMilliseconds(10), "30 2 * * *"), ct);
        await File.WriteAllTextAsync(Path.Combine(sources, "moved.yaml"),
            site.SourceYaml(TimeSpan.FromMilliseconds(10), "30 2 * * *").Replace($"start: {site.ListUri}", $"start: {new Uri(site.BaseUri, "/column-moved/")}", StringComparison.Ordinal), ct);
        var o = ServeOptions.From(f.Settings(("Warehouse:Sources", sources)));
        await using var app = await ServeFixture.StartAsync(o);
        using var http = new HttpClient { BaseAddress = new Uri(o.Urls), Timeout = TimeSpan.FromSeconds(30) };

        // The working source's crawl succeeds: health is ok.
        ActivatorUtilities.CreateInstance<CrawlJob>(app.Services).Run("working", ct).ShouldContain("new");
        var (okCode, ok) = await HealthAsync(http, ct);
        (okCode, ok.GetProperty("status").GetString()).ShouldBe((HttpStatusCode.OK, "ok"));

        // The moved one, run by Hangfire: the attempt fails with the reason, and a retry is scheduled.
        var failed = await FailedCrawlAsync(app, "moved");
        failed["ExceptionType"].ShouldEndWith(nameof(CrawlFailedException));
        failed["ExceptionMessage"].ShouldStartWith("抓取 moved 失败：起始页抓取失败：");

        // /health: degraded (503), the source's failure given, and no path of this machine anywhere.
        var (code, health) = await HealthAsync(http, ct);
        code.ShouldBe(HttpStatusCode.ServiceUnavailable);
        health.GetProperty("status").GetString().ShouldBe("degraded");
        var bySource = health.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        bySource["moved"].GetProperty("lastCrawlFailure").GetString()!.ShouldStartWith("起始页抓取失败：");
        bySource["working"].GetProperty("lastCrawlFailure").ValueKind.ShouldBe(JsonValueKind.Null);
        health.GetProperty("database").GetProperty("detail").GetString().ShouldBe("SQLite");
        var text = health.GetRawText();
        text.ShouldNotContain(f.Folder);
        text.ShouldNotContain(Path.GetTempPath().TrimEnd('/'));
    }

    [Fact]
    public async Task A_crawl_that_warns_is_a_failed_job_and_makes_health_degraded()
    {
        var ct = TestContext.Current.CancellationToken;

        // A TRS WCM column whose further items come only from a search API the source does not
        // describe: the crawl works but reaches fewer reports than the column declares.
        await using var portal = await SamplePortal.SamplePortal.StartAsync(
            new SamplePortalOptions(Path.Combine(f.Folder, "corpus"), Sites: 1, PageSize: 10, Styles: [CmsStyle.TrsWcm]), ct);
        var sources = Directory.CreateDirectory(Path.Combine(f.Folder, "sources-short")).FullName;
        var yaml = string.Join('\n', portal.Sites[0].SourceYaml(TimeSpan.FromMilliseconds(10), "30 2 * * *").Split('\n')
            .Where(l => !l.TrimStart().StartsWith("list:", StringComparison.Ordinal) && !l.TrimStart().StartsWith("api:", StringComparison.Ordinal) && !l.TrimStart().StartsWith("url:", StringComparison.Ordinal)));
        await File.WriteAllTextAsync(Path.Combine(sources, "short.yaml"), yaml, ct);
        var o = ServeOptions.From(f.Settings(("Warehouse:Sources", sources)));
        await using var app = await ServeFixture.StartAsync(o);
        using var http = new HttpClient { BaseAddress = new Uri(o.Urls), Timeout = TimeSpan.FromSeconds(30) };

        var failed = await FailedCrawlAsync(app, "short");
        failed["ExceptionType"].ShouldEndWith(nameof(CrawlFailedException));
        failed["ExceptionMessage"].ShouldStartWith("抓取 short 有警告：栏目声明 ");

        var (code, health) = await HealthAsync(http, ct);
        code.ShouldBe(HttpStatusCode.ServiceUnavailable);
        health.GetProperty("status").GetString().ShouldBe("degraded");
        var source = health.GetProperty("sources").EnumerateArray().Single();
        source.GetProperty("lastCrawlFailure").ValueKind.ShouldBe(JsonValueKind.Null);
        source.GetProperty("lastCrawlWarnings").EnumerateArray().Select(w => w.GetString()).ShouldHaveSingleItem().ShouldStartWith("栏目声明 ");
    }

    [Fact]
    public async Task A_pinned_certificate_is_said_in_every_summary_but_does_not_fail_the_job()
    {
        var ct = TestContext.Current.CancellationToken;
        var sources = Directory.CreateDirectory(Path.Combine(f.Folder, "sources-pinned")).FullName;
        var yaml = f.Portal.Sites[1].SourceYaml(TimeSpan.FromMilliseconds(10), "30 2 * * *") + $"\ntls:\n  pin_sha256: \"{new string('A', 64)}\"\n";
        await File.WriteAllTextAsync(Path.Combine(sources, "pinned.yaml"), yaml, ct);
        var o = ServeOptions.From(f.Settings(("Warehouse:Sources", sources)));
        await using var app = await ServeFixture.StartAsync(o);
        using var http = new HttpClient { BaseAddress = new Uri(o.Urls), Timeout = TimeSpan.FromSeconds(30) };

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(CrawlJob.Id("pinned"));
        var monitor = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await ServeFixture.UntilAsync(() => monitor.SucceededListCount() > 0 ? "done" : null);

        var (code, health) = await HealthAsync(http, ct);
        code.ShouldBe(HttpStatusCode.OK);
        health.GetProperty("status").GetString().ShouldBe("ok");
    }

    /// <summary>Has Hangfire run the source's crawl job and waits until its retry is scheduled; returns the failed attempt's state data.</summary>
    private static async Task<IDictionary<string, string>> FailedCrawlAsync(Microsoft.AspNetCore.Builder.WebApplication app, string source)
    {
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(CrawlJob.Id(source));
        var monitor = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var retry = await ServeFixture.UntilAsync(() => monitor.ScheduledJobs(0, 10).FirstOrDefault(j => j.Value.Job?.Type == typeof(CrawlJob)).Key);
        return monitor.JobDetails(retry).History.First(h => h.StateName == FailedState.StateName).Data;
    }

    private static async Task<(HttpStatusCode Code, JsonElement Body)> HealthAsync(HttpClient http, CancellationToken ct)
    {
        using var response = await http.GetAsync("/health", ct);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone());
    }
}
