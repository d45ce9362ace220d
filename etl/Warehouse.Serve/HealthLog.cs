using Microsoft.Extensions.Logging;

namespace Warehouse.Serve;

/// <summary>
/// What <c>/health</c> writes to the log when a part does not answer (the page itself says only which part). Defined
/// with <see cref="LoggerMessage.Define{T1}(LogLevel, EventId, string)"/>, not the source generator: this project gets
/// the generator twice (from ASP.NET Core's shared framework and from the logging package), which then clash.
/// </summary>
internal static class HealthLog
{
    private static readonly Action<ILogger, string, Exception?> Warehouse =
        LoggerMessage.Define<string>(LogLevel.Error, new EventId(4001, nameof(WarehouseDown)), "/health: the warehouse does not answer: {Reason}");

    private static readonly Action<ILogger, string, Exception?> JobStorage =
        LoggerMessage.Define<string>(LogLevel.Error, new EventId(4002, nameof(JobStorageDown)), "/health: the job storage does not answer: {Reason}");

    public static void WarehouseDown(this ILogger log, string reason) => Warehouse(log, reason, null);

    public static void JobStorageDown(this ILogger log, string reason) => JobStorage(log, reason, null);
}
