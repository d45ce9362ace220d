namespace Warehouse.Jobs;

/// <summary>How the jobs retry: three more attempts, 1, 5 and 15 minutes apart, each logged by Hangfire.</summary>
public static class Retries
{
    public const int Attempts = 3;

    public static readonly int[] DelaysInSeconds = [60, 300, 900];
}
