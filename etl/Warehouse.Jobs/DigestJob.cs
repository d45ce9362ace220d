using Microsoft.Extensions.Logging;
using Warehouse.Data;
using Warehouse.Export.Dashboards;
using Warehouse.Export.Digest;

namespace Warehouse.Jobs;

/// <summary>
/// Sends a scheduled digest. The delivery ledger in the warehouse makes it safe to rerun: a
/// digest already sent in this period of its cron (a monthly digest this month) to its recipients
/// is not sent again, and a server that refused it leaves nothing recorded, so the retry sends it.
/// A year without reports sends nothing and fails the job, saying which years are loaded.
/// </summary>
public sealed class DigestJob(ServeOptions options, WarehouseDatabase database, TimeProvider time, ILoggerFactory loggers)
{
    public static string Id(string name) => $"digest:{name}";

    public async Task<string> RunAsync(string name, CancellationToken ct)
    {
        var digest = options.Digests.FirstOrDefault(d => d.Name == name) ?? throw new InvalidOperationException($"No digest named '{name}' in the configuration.");
        var smtp = options.Smtp ?? throw new InvalidOperationException("No SMTP server is configured (Warehouse:Smtp:Host).");
        var service = new DigestService(database, DashboardCatalog.Load(options.Dashboards), time, loggers.CreateLogger<DigestService>()) { SourceName = options.SourceName };
        var every = new DigestSchedule(digest.Cron, options.TimeZone);
        var outcome = await service.SendAsync(new DigestRequest(digest.Dashboard, digest.Region, null, digest.To, every), smtp, ct);
        var next = every.PeriodAt(time.GetUtcNow()).NextText;
        loggers.CreateLogger<DigestJob>().DigestRan(name, outcome, next, options.TimeZone.Id);
        return $"{outcome}; next due {next}";
    }
}
