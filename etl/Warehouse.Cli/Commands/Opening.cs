using System.CommandLine;
using Warehouse.Data;

namespace Warehouse.Cli.Commands;

/// <summary>How the commands open the warehouse of <c>--db</c> (or <c>WAREHOUSE_DB</c>).</summary>
internal static class Opening
{
    public static WarehouseTarget Target(System.CommandLine.ParseResult pr, Option<string?> db) =>
        WarehouseTarget.Parse(pr.GetValue(db) ?? Environment.GetEnvironmentVariable("WAREHOUSE_DB"));

    /// <summary>
    /// For the commands that only read (status, export, show): a warehouse that must exist, opened
    /// read-only and left unchanged when its schema is current (<see cref="WarehouseDatabase.ForReading"/>).
    /// </summary>
    public static WarehouseDatabase ForReading(System.CommandLine.ParseResult pr, Option<string?> db) =>
        WarehouseDatabase.ForReading(Target(pr, db), LockWaitNotice(pr));

    /// <summary>Writes "warehouse: … 正在等待" to standard error when a database lock is waited for.</summary>
    public static Action<string> LockWaitNotice(System.CommandLine.ParseResult pr)
    {
        var error = pr.InvocationConfiguration.Error;
        return message =>
        {
            lock (error) error.WriteLine($"warehouse: {message}");
        };
    }
}
