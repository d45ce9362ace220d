using Microsoft.Extensions.Configuration;

namespace Warehouse.Jobs;

/// <summary>One setting: its configuration key (appsettings), its environment variable, its default.</summary>
public sealed record Setting(string Key, string Environment, string? Default, string Description);

/// <summary>
/// Every setting of <c>serve</c>, the scheduled jobs and the commands that share them; the
/// configuration reference (deploy/configuration.md) lists exactly these (a test checks both
/// ways). Environment variables win over the file (appsettings.json, or --config FILE).
/// </summary>
public static class WarehouseSettings
{
    public const string Section = "Warehouse";

    public static readonly IReadOnlyList<Setting> All =
    [
        new("Warehouse:Database", "WAREHOUSE_DB", "data/warehouse.db", "The warehouse: a SQLite file, or a SQL Server connection string (Server=…;Database=…)."),
        new("Warehouse:Sources", "WAREHOUSE_SOURCES", "etl/sources", "The folder of source files (one YAML file per portal, each with its crawl schedule)."),
        new("Warehouse:Dashboards", "WAREHOUSE_DASHBOARDS", "dashboards", "The folder of dashboard files (one YAML file per workbook)."),
        new("Warehouse:SourceName", "WAREHOUSE_SOURCE_NAME", "政府信息公开年报数据仓库", "The source a workbook's cover names (数据来源), never the database's path; read by export and digest from the environment, and by serve's digests from the settings file or the environment."),
        new("Warehouse:UserAgent", "WAREHOUSE_USER_AGENT", null, "The crawler's User-Agent: a product token and a contact URL (default: WarehouseBot with the project's URL)."),
        new("Warehouse:Urls", "WAREHOUSE_URLS", "http://127.0.0.1:5080", "Where serve listens (semicolon-separated URLs)."),
        new("Warehouse:TimeZone", "WAREHOUSE_TIME_ZONE", "Asia/Shanghai", "The time zone of every cron expression (Asia/Shanghai works without tzdata too: the product knows it is UTC+8 and gives Hangfire the same zone)."),
        new("Warehouse:Jobs:Storage", "WAREHOUSE_JOBS_STORAGE", "auto", "Hangfire's job storage: inmemory, sqlserver, or auto (sqlserver when the warehouse is SQL Server)."),
        new("Warehouse:Jobs:SqlServer", "WAREHOUSE_JOBS_SQLSERVER", null, "The SQL Server connection string for the job queue (default: the warehouse's, when it is SQL Server)."),
        new("Warehouse:Jobs:Workers", "WAREHOUSE_JOBS_WORKERS", "2", "Jobs run at once by one serve process."),
        new("Warehouse:Jobs:PollSeconds", "WAREHOUSE_JOBS_POLL_SECONDS", "5", "How often serve looks for scheduled jobs that are due."),
        new("Warehouse:Reparse:Cron", "WAREHOUSE_REPARSE_CRON", "0 3 * * 0", "When to reparse the raw store with the current parser (off: never)."),
        new("Warehouse:Dashboard:User", "WAREHOUSE_DASHBOARD_USER", null, "The user name for the job dashboard (/hangfire). Unset: the dashboard answers local requests only."),
        new("Warehouse:Dashboard:PasswordHash", "WAREHOUSE_DASHBOARD_PASSWORD_HASH", null, "The hash of its password, made by ./warehouse serve hash-password (never the password itself)."),
        new("Warehouse:Smtp:Host", "WAREHOUSE_SMTP_HOST", null, "The SMTP server for digests (unset: digests cannot be sent)."),
        new("Warehouse:Smtp:Port", "WAREHOUSE_SMTP_PORT", "25", "Its port."),
        new("Warehouse:Smtp:Security", "WAREHOUSE_SMTP_SECURITY", "starttls-when-available", "none, starttls, starttls-when-available or ssl."),
        new("Warehouse:Smtp:User", "WAREHOUSE_SMTP_USER", null, "The SMTP user, when the server asks for authentication."),
        new("Warehouse:Smtp:Password", "WAREHOUSE_SMTP_PASSWORD", null, "Its password (set it in the environment, not in a file)."),
        new("Warehouse:Smtp:From", "WAREHOUSE_SMTP_FROM", "Warehouse <warehouse@localhost>", "The digest's sender."),
        new("Warehouse:Digests:N:Name", "—", null, "A scheduled digest (N = 0, 1, …): its name (the job id is digest:NAME)."),
        new("Warehouse:Digests:N:Dashboard", "—", "region-comparison", "The dashboard whose workbook it sends."),
        new("Warehouse:Digests:N:Region", "—", null, "Its region code (unset: all)."),
        new("Warehouse:Digests:N:To", "—", null, "Its recipients (a list of addresses)."),
        new("Warehouse:Digests:N:Cron", "—", null, "When it is sent (five-field cron in the time zone above); it goes out at most once per period of this cron (a monthly cron: once a month), however often it is retried or triggered."),
    ];

    /// <summary>The value of a setting: its environment variable, else the configuration, else its default.</summary>
    public static string? Get(IConfiguration configuration, string key)
    {
        var setting = All.FirstOrDefault(s => s.Key == key) ?? throw new ArgumentException($"No setting {key}.", nameof(key));
        var fromEnvironment = setting.Environment.StartsWith("WAREHOUSE_", StringComparison.Ordinal) ? System.Environment.GetEnvironmentVariable(setting.Environment) : null;
        var value = fromEnvironment ?? configuration[key];
        return string.IsNullOrWhiteSpace(value) ? setting.Default : value;
    }
}
