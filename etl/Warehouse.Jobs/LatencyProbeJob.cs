using System.Collections.Concurrent;

namespace Warehouse.Jobs;

/// <summary>How late each probe started after the time it was scheduled for (bench serve).</summary>
public sealed class LatencyProbes
{
    public ConcurrentBag<TimeSpan> Delays { get; } = [];
}

/// <summary>A job that records how long after its scheduled time it started: the scheduling latency of serve.</summary>
public sealed class LatencyProbeJob(LatencyProbes probes, TimeProvider time)
{
    public void Run(long scheduledUtcTicks) => probes.Delays.Add(time.GetUtcNow().UtcDateTime - new DateTime(scheduledUtcTicks, DateTimeKind.Utc));
}
