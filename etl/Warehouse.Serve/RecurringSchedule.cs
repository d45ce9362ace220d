using Hangfire;
using Hangfire.Storage;
using Warehouse.Crawl.Sources;
using Warehouse.Jobs;

namespace Warehouse.Serve;

/// <summary>A recurring job as configured: its id, cron expression (in the configured time zone) and what it runs.</summary>
public sealed record ScheduledJob(string Id, string Cron, string What);

/// <summary>
/// The recurring jobs come from configuration: a crawl per source with a schedule in its file,
/// the reparse, and each digest, every cron expression in the configured time zone (Hangfire's
/// default is UTC). Jobs of ours that are no longer configured are removed.
/// </summary>
public static class RecurringSchedule
{
    private static readonly string[] Ours = ["crawl:", "digest:", ReparseJob.Id];

    public static IReadOnlyList<ScheduledJob> Apply(ServeOptions options, IRecurringJobManager manager, JobStorage storage)
    {
        var jobs = new List<ScheduledJob>();
        var zone = new RecurringJobOptions { TimeZone = options.TimeZone };
        void Add(string id, string cron, string what, Action register)
        {
            try
            {
                register();
            }
            catch (ArgumentException e)
            {
                throw new OptionsException($"cron 表达式「{cron}」无效（{what}）。{what}: cron '{cron}' is not valid ({e.Message.Split('\n')[0]})");
            }

            jobs.Add(new ScheduledJob(id, cron, what));
        }

        foreach (var source in SourceCatalog.Load(options.Sources).Sources.Where(s => s.Schedule is not null))
        {
            var name = source.Name;
            Add(CrawlJob.Id(name), source.Schedule!, $"crawl {name} ({source.Title})",
                () => manager.AddOrUpdate<CrawlJob>(CrawlJob.Id(name), j => j.Run(name, CancellationToken.None), source.Schedule!, zone));
        }

        if (options.ReparseCron is { } reparse)
        {
            Add(ReparseJob.Id, reparse, "reparse the raw store", () => manager.AddOrUpdate<ReparseJob>(ReparseJob.Id, j => j.RunAsync(CancellationToken.None), reparse, zone));
        }

        foreach (var digest in options.Digests)
        {
            var name = digest.Name;
            Add(DigestJob.Id(name), digest.Cron, $"digest {name} ({digest.Dashboard} to {string.Join(", ", digest.To)})",
                () => manager.AddOrUpdate<DigestJob>(DigestJob.Id(name), j => j.RunAsync(name, CancellationToken.None), digest.Cron, zone));
        }

        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Select(r => r.Id).Where(id => Ours.Any(p => id.StartsWith(p, StringComparison.Ordinal)) && jobs.All(j => j.Id != id)))
        {
            manager.RemoveIfExists(stale);
        }

        return jobs;
    }
}
