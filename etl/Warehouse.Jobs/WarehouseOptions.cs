using Warehouse.Data;

namespace Warehouse.Jobs;

/// <summary>
/// The <c>Warehouse</c> section as configured, bound as it stands (each value already its
/// environment variable, else the file, else its default: see <see cref="WarehouseSettings"/>),
/// checked by <see cref="WarehouseOptionsValidator"/>, then made into <see cref="ServeOptions"/>.
/// </summary>
public sealed class WarehouseOptions
{
    public string Database { get; set; } = "";

    public string Sources { get; set; } = "";

    public string Dashboards { get; set; } = "";

    public string? SourceName { get; set; }

    public string? UserAgent { get; set; }

    public string Urls { get; set; } = "";

    public string TimeZone { get; set; } = "";

    public JobsSection Jobs { get; set; } = new();

    public ReparseSection Reparse { get; set; } = new();

    public DashboardSection Dashboard { get; set; } = new();

    public SmtpSection Smtp { get; set; } = new();

    public List<DigestSection> Digests { get; set; } = [];

    /// <summary>The storage <see cref="JobStorageKind.Auto"/> stands for: SQL Server when the warehouse is.</summary>
    public JobStorageKind JobStorage => Jobs.Storage != JobStorageKind.Auto ? Jobs.Storage
        : WarehouseTarget.Parse(Database).Dialect == Dialect.SqlServer ? JobStorageKind.SqlServer : JobStorageKind.InMemory;

    /// <summary>The job queue's connection string: its own, else the warehouse's when the queue is in SQL Server.</summary>
    public string? JobsSqlServer => Jobs.SqlServer ?? (JobStorage == JobStorageKind.SqlServer ? Database : null);

    /// <summary>The configured zone; Asia/Shanghai is known without tzdata too. Null for a zone this machine does not know.</summary>
    public TimeZoneInfo? Zone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZone == "Asia/Shanghai" ? Export.Exporter.ChinaTime : null;
        }
    }

    public sealed class JobsSection
    {
        public JobStorageKind Storage { get; set; }

        public string? SqlServer { get; set; }

        public int Workers { get; set; }

        public int PollSeconds { get; set; }
    }

    public sealed class ReparseSection
    {
        public string? Cron { get; set; }
    }

    public sealed class DashboardSection
    {
        public string? User { get; set; }

        public string? PasswordHash { get; set; }
    }

    public sealed class SmtpSection
    {
        public string? Host { get; set; }

        public int Port { get; set; }

        public string Security { get; set; } = "";

        public string? User { get; set; }

        public string? Password { get; set; }

        public string From { get; set; } = "";
    }

    public sealed class DigestSection
    {
        public string? Name { get; set; }

        public string Dashboard { get; set; } = "region-comparison";

        public string? Region { get; set; }

        public List<string> To { get; set; } = [];

        public string? Cron { get; set; }
    }
}
