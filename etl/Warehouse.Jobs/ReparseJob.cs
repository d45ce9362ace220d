using Hangfire;
using Microsoft.Extensions.Logging;
using Warehouse.Data;
using Warehouse.Load;

namespace Warehouse.Jobs;

/// <summary>Runs the current parser over the raw store (after a parser upgrade), as <c>reparse --all</c>.</summary>
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed class ReparseJob(WarehouseDatabase database, TimeProvider time, ILogger<ReparseJob> logger)
{
    public const string Id = "reparse";

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var summary = await new ReparseService(database, DocumentReader.Default, time).ReparseAsync(null, null, ct);
        logger.Reparsed(
            summary.Checked, summary.Changed.Count, summary.NewlyLoaded, summary.NowRejected.Count);
        return $"{summary.Checked} checked, {summary.Changed.Count} changed";
    }
}
