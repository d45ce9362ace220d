using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shouldly;

namespace Warehouse.Serve.Tests;

/// <summary>
/// <c>./warehouse serve</c> on a machine without tzdata (a slim container): .NET finds no zone in
/// an empty TZDIR, the product makes Beijing time itself, and Hangfire is given that zone too.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ServeWithoutTzdataTests(ServeFixture f) : IClassFixture<ServeFixture>
{
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
            var deadline = DateTime.UtcNow.AddMinutes(8);
            while (true)
            {
                var line = await serve.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(deadline - DateTime.UtcNow, ct);
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
}
