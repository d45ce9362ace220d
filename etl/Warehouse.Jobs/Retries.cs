using Hangfire;

namespace Warehouse.Jobs;

/// <summary>
/// How every job retries: three more attempts, 1, 5 and 15 minutes apart, each logged by Hangfire.
/// One policy, registered once with serve's Hangfire as its global retry filter; a job class
/// declares none of its own.
/// </summary>
public static class Retries
{
    public const int Attempts = 3;

    public static IReadOnlyList<int> DelaysInSeconds { get; } = [60, 300, 900];

    /// <summary>Replaces Hangfire's default retry filter (ten attempts over about a day) with ours; safe to call for each host.</summary>
    public static IGlobalConfiguration UseWarehouseRetries(this IGlobalConfiguration configuration)
    {
        // The filter list is process-wide: remove every retry filter first, so that two hosts in
        // one process (the tests) do not leave two policies electing states for the same job.
        GlobalJobFilters.Filters.Remove<AutomaticRetryAttribute>();
        return configuration.UseFilter(new AutomaticRetryAttribute { Attempts = Attempts, DelaysInSeconds = [.. DelaysInSeconds] });
    }
}
