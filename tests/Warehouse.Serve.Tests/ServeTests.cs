using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dapper;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Warehouse.Data;
using Warehouse.Jobs;

namespace Warehouse.Serve.Tests;

/// <summary>serve as an operator meets it: real HTTP on 127.0.0.1, real Hangfire, a real sample portal.</summary>
[Collection(HostCollection.Name)]
public sealed class ServeTests(ServeFixture f) : IClassFixture<ServeFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpClient Client(ServeOptions o) => new() { BaseAddress = new Uri(o.Urls), Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Recurring_jobs_come_from_the_sources_and_settings_in_China_time()
    {
        var o = ServeOptions.From(f.Settings(("Warehouse:Reparse:Cron", "0 4 * * 0")));
        await using var app = await ServeFixture.StartAsync(o);
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        jobs.Keys.ShouldBe(["crawl:site-0", "crawl:site-1", "reparse"], ignoreOrder: true);
        jobs["crawl:site-0"].Cron.ShouldBe("30 2 * * *");
        jobs["crawl:site-0"].TimeZoneId.ShouldBeOneOf("Asia/Shanghai", "China Standard Time");
        jobs["reparse"].Cron.ShouldBe("0 4 * * 0");
        jobs["crawl:site-0"].NextExecution.ShouldNotBeNull();
        // 02:30 in Beijing is 18:30 UTC the day before.
        jobs["crawl:site-0"].NextExecution!.Value.ToUniversalTime().Hour.ShouldBe(18);
    }

    [Fact]
    public async Task Health_reports_the_database_the_job_storage_and_each_sources_last_crawl()
    {
        var o = ServeOptions.From(f.Settings());
        await using var app = await ServeFixture.StartAsync(o);
        using var http = Client(o);
        var before = await HealthAsync(http);
        before.GetProperty("status").GetString().ShouldBe("ok");
        before.GetProperty("database").GetProperty("ok").GetBoolean().ShouldBeTrue();
        before.GetProperty("jobStorage").GetProperty("ok").GetBoolean().ShouldBeTrue();
        before.GetProperty("servers").GetInt32().ShouldBe(1);
        var sources = before.GetProperty("sources").EnumerateArray().ToList();
        sources.Select(s => s.GetProperty("name").GetString()).ShouldBe(["site-0", "site-1"], ignoreOrder: true);
        sources.ShouldAllBe(s => s.GetProperty("lastFinishedCrawl").ValueKind == JsonValueKind.Null);

        // The recurring crawl, triggered now, runs on the server and loads the portal's reports.
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("crawl:site-0");
        await Until(async () => (await HealthAsync(http)).GetProperty("sources").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "site-0").GetProperty("lastFinishedCrawl").ValueKind == JsonValueKind.String);
        var db = app.Services.GetRequiredService<WarehouseDatabase>();
        await using var c = await db.OpenAsync(Ct);
        (await c.ExecuteScalarAsync<long>("select count(*) from fact_report")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Two_runs_of_one_sources_crawl_never_overlap()
    {
        var o = ServeOptions.From(f.Settings());
        await using var app = await ServeFixture.StartAsync(o);
        var storage = app.Services.GetRequiredService<JobStorage>();
        var job = ActivatorUtilities.CreateInstance<CrawlJob>(app.Services);

        // While a run holds the source (here: this test, on another thread, as another worker would), a second one stops at once.
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = Task.Run(() =>
        {
            using var connection = storage.GetConnection();
            using (connection.AcquireDistributedLock(CrawlJob.Id("site-1"), TimeSpan.FromSeconds(5)))
            {
                holding.Set();
                release.Wait(Ct);
            }
        }, Ct);
        holding.Wait(Ct);
        (await Task.Run(() => job.Run("site-1", Ct), Ct)).ShouldBe("already running");
        release.Set();
        await holder;

        (await Task.Run(() => job.Run("site-1", Ct), Ct)).ShouldContain("new");
        var db = app.Services.GetRequiredService<WarehouseDatabase>();
        await using var c = await db.OpenAsync(Ct);
        (await c.ExecuteScalarAsync<long>("select count(*) from crawl_run where source_code = 'site-1'")).ShouldBe(1);
    }

    [Fact]
    public async Task The_job_dashboard_answers_local_requests_until_credentials_are_set_then_asks_for_them()
    {
        var open = ServeOptions.From(f.Settings());
        await using (var app = await ServeFixture.StartAsync(open))
        {
            using var http = Client(open);
            (await http.GetAsync("/hangfire", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // From another machine, without credentials: refused.
        var remote = new DefaultHttpContext();
        remote.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
        remote.Connection.LocalIpAddress = IPAddress.Parse("10.1.2.4");
        new DashboardAccess(open).Allows(remote).ShouldBeFalse();

        var hash = PasswordHash.Create("correct horse battery");
        var locked = ServeOptions.From(f.Settings(("Warehouse:Dashboard:User", "operator"), ("Warehouse:Dashboard:PasswordHash", hash)));
        await using (var app = await ServeFixture.StartAsync(locked))
        {
            using var http = Client(locked);
            var anonymous = await http.GetAsync("/hangfire", Ct);
            anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            anonymous.Headers.WwwAuthenticate.ToString().ShouldContain("Basic");
            (await GetAsync(http, "operator", "wrong password")).ShouldBe(HttpStatusCode.Unauthorized);
            (await GetAsync(http, "operator", "correct horse battery")).ShouldBe(HttpStatusCode.OK);
        }

        remote.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:correct horse battery"));
        new DashboardAccess(locked).Allows(remote).ShouldBeTrue();
    }

    [Fact]
    public void Settings_that_cannot_work_are_refused_with_their_names()
    {
        Should.Throw<OptionsException>(() => ServeOptions.From(f.Settings(("Warehouse:Dashboard:User", "operator"))))
            .Message.ShouldContain("needs both Warehouse:Dashboard:User and Warehouse:Dashboard:PasswordHash");
        Should.Throw<OptionsException>(() => ServeOptions.From(f.Settings(("Warehouse:Dashboard:User", "operator"), ("Warehouse:Dashboard:PasswordHash", "hunter2"))))
            .Message.ShouldContain("is not a hash");
        Should.Throw<OptionsException>(() => ServeOptions.From(f.Settings(("Warehouse:Jobs:Storage", "sqlserver"))))
            .Message.ShouldContain("no SQL Server connection string");
        Should.Throw<OptionsException>(() => ServeOptions.From(f.Settings(("Warehouse:Digests:0:Name", "x"), ("Warehouse:Digests:0:To:0", "a@b.cn"), ("Warehouse:Digests:0:Cron", "0 8 * * 1"))))
            .Message.ShouldContain("no SMTP server");
        var o = ServeOptions.From(f.Settings(("Warehouse:Reparse:Cron", "every day")));
        var app = ServeHost.Build(o);
        Should.Throw<OptionsException>(() => ServeHost.Schedule(app)).Message.ShouldContain("cron 'every day' is not valid");
    }

    [Fact]
    public void Every_setting_that_cannot_work_is_named_on_one_line_Chinese_first()
    {
        var e = Should.Throw<OptionsException>(() => ServeOptions.From(f.Settings(("Warehouse:Jobs:Workers", "99"), ("Warehouse:Dashboard:User", "operator"))));
        e.Message.ShouldStartWith("Warehouse:Jobs:Workers 应在 1 到 64 之间。");
        e.Message.ShouldContain("should be between 1 and 64");
        e.Message.ShouldContain("needs both Warehouse:Dashboard:User and Warehouse:Dashboard:PasswordHash");
        e.Message.ShouldNotContain('\n');
        Should.Throw<OptionsException>(() => ServeOptions.From(f.Settings(("Warehouse:Jobs:Storage", "redis")))).Message.ShouldContain("'redis' should be inmemory, sqlserver or auto");
        ServeOptions.From(f.Settings(("Warehouse:Jobs:Storage", "SqlServer"), ("Warehouse:Jobs:SqlServer", "Server=db;Database=jobs"))).JobStorage.ShouldBe(JobStorageKind.SqlServer);
        ServeOptions.From(f.Settings()).JobStorage.ShouldBe(JobStorageKind.InMemory);
    }

    [Fact]
    public void The_configuration_reference_lists_exactly_the_settings_of_the_code()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "deploy", "configuration.md")).Where(l => l.StartsWith("| `Warehouse:", StringComparison.Ordinal));
        var documented = lines.Select(l => l.Split('|', StringSplitOptions.TrimEntries)).Select(c => (Key: c[1].Trim('`'), Env: c[2].Trim('`'), Default: c[3] == "—" ? null : c[3].Trim('`'))).ToList();
        documented.ShouldBe(WarehouseSettings.All.Select(s => (s.Key, s.Environment, s.Default)).ToList(), ignoreOrder: true);

        // And every environment variable the code reads by name is a documented one.
        var code = Directory.GetFiles(Path.Combine(Repo.Root, "etl"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText);
        var read = code.SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t, "\"(WAREHOUSE_[A-Z_]+)\"").Select(m => m.Groups[1].Value)).ToHashSet();
        read.Except(["WAREHOUSE_DEBUG", "WAREHOUSE_SQLSERVER"]).ShouldBeSubsetOf(WarehouseSettings.All.Select(s => s.Environment));
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient http, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return (await http.SendAsync(request, Ct)).StatusCode;
    }

    private static async Task<JsonElement> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/health", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("The condition did not hold within 60 s.");
            await Task.Delay(200, Ct);
        }
    }
}
