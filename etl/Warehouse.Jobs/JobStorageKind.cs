namespace Warehouse.Jobs;

/// <summary>Where Hangfire keeps the job queue (<c>Warehouse:Jobs:Storage</c>); configured as auto, inmemory or sqlserver.</summary>
public enum JobStorageKind
{
    /// <summary>SQL Server when the warehouse is SQL Server, else in memory; resolved when the options are read.</summary>
    Auto,

    /// <summary>In this process: a restart loses only queued jobs, which the schedule makes again.</summary>
    InMemory,

    /// <summary>In SQL Server, shared by every serve process pointed at it.</summary>
    SqlServer,
}
