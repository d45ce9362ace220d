using System.Globalization;
using Microsoft.Extensions.Configuration;
using Warehouse.Core;
using Warehouse.Export.Digest;

namespace Warehouse.Jobs;

/// <summary>A digest sent on a schedule: its dashboard, region and recipients.</summary>
public sealed record ScheduledDigest(string Name, string Dashboard, string? Region, IReadOnlyList<string> To, string Cron);

/// <summary>What serve and its jobs run with, read from configuration and the environment and checked at start.</summary>
public sealed record ServeOptions(
    string Database,
    string Sources,
    string Dashboards,
    string? UserAgent,
    string Urls,
    TimeZoneInfo TimeZone,
    string JobStorage,
    string? JobsSqlServer,
    int Workers,
    TimeSpan PollInterval,
    string? ReparseCron,
    string? DashboardUser,
    string? DashboardPasswordHash,
    SmtpOptions? Smtp,
    IReadOnlyList<ScheduledDigest> Digests)
{
    /// <summary>The source a workbook's cover names (数据来源): <c>Warehouse:SourceName</c> of the settings file or <c>WAREHOUSE_SOURCE_NAME</c>.</summary>
    public string SourceName { get; init; } = Export.Exporter.DefaultSourceName;

    public static ServeOptions From(IConfiguration c)
    {
        string? Get(string key) => WarehouseSettings.Get(c, key);
        int Int(string key) => int.TryParse(Get(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
            : throw new OptionsException($"{key} ({WarehouseSettings.All.First(s => s.Key == key).Environment}) should be a whole number, not '{Get(key)}'");

        var zoneId = Get("Warehouse:TimeZone")!;
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = zoneId == "Asia/Shanghai" ? Export.Exporter.ChinaTime : throw new OptionsException($"Warehouse:TimeZone '{zoneId}' is not a time zone this machine knows (e.g. Asia/Shanghai)");
        }

        var storage = Get("Warehouse:Jobs:Storage")!.ToLowerInvariant();
        if (storage is not ("auto" or "inmemory" or "sqlserver")) throw new OptionsException($"Warehouse:Jobs:Storage '{storage}' should be inmemory, sqlserver or auto");
        var database = Get("Warehouse:Database")!;
        if (storage == "auto") storage = Data.WarehouseTarget.Parse(database).Dialect == Data.Dialect.SqlServer ? "sqlserver" : "inmemory";
        var jobsSql = Get("Warehouse:Jobs:SqlServer") ?? (storage == "sqlserver" ? database : null);
        if (storage == "sqlserver" && Data.WarehouseTarget.Parse(jobsSql).Dialect != Data.Dialect.SqlServer)
        {
            throw new OptionsException("Warehouse:Jobs:Storage is sqlserver but no SQL Server connection string is set (Warehouse:Jobs:SqlServer or a SQL Server Warehouse:Database)");
        }

        var workers = Int("Warehouse:Jobs:Workers");
        if (workers is < 1 or > 64) throw new OptionsException("Warehouse:Jobs:Workers should be between 1 and 64");
        var poll = Int("Warehouse:Jobs:PollSeconds");
        if (poll is < 1 or > 300) throw new OptionsException("Warehouse:Jobs:PollSeconds should be between 1 and 300");

        var user = Get("Warehouse:Dashboard:User");
        var hash = Get("Warehouse:Dashboard:PasswordHash");
        if ((user is null) != (hash is null)) throw new OptionsException("the job dashboard needs both Warehouse:Dashboard:User and Warehouse:Dashboard:PasswordHash, or neither (then it answers local requests only)");
        if (hash is not null && !PasswordHash.IsHash(hash)) throw new OptionsException("Warehouse:Dashboard:PasswordHash is not a hash made by ./warehouse serve hash-password (a password must not be stored as it is)");

        var smtp = SmtpFrom(c);
        var digests = new List<ScheduledDigest>();
        foreach (var d in c.GetSection("Warehouse:Digests").GetChildren())
        {
            var name = d["Name"] ?? throw new OptionsException($"Warehouse:Digests:{d.Key} has no Name");
            var to = d.GetSection("To").GetChildren().Select(x => x.Value).OfType<string>().ToList();
            if (to.Count == 0 && d["To"] is { } single) to = [.. single.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            if (to.Count == 0) throw new OptionsException($"digest {name} has no recipients (Warehouse:Digests:{d.Key}:To)");
            var cron = d["Cron"] ?? throw new OptionsException($"digest {name} has no Cron (Warehouse:Digests:{d.Key}:Cron)");
            digests.Add(new ScheduledDigest(name, d["Dashboard"] ?? "region-comparison", string.IsNullOrWhiteSpace(d["Region"]) ? null : d["Region"], to, cron));
        }

        if (digests.Count > 0 && smtp is null) throw new OptionsException("digests are scheduled but no SMTP server is set (Warehouse:Smtp:Host or WAREHOUSE_SMTP_HOST)");
        return new ServeOptions(database, Get("Warehouse:Sources")!, Get("Warehouse:Dashboards")!, Get("Warehouse:UserAgent"), Get("Warehouse:Urls")!, zone,
            storage, jobsSql, workers, TimeSpan.FromSeconds(poll), Get("Warehouse:Reparse:Cron") is "off" or "never" ? null : Get("Warehouse:Reparse:Cron"), user, hash, smtp, digests)
        {
            SourceName = Export.Exporter.SourceNameFrom(Get("Warehouse:SourceName")),
        };
    }

    private static SmtpOptions? SmtpFrom(IConfiguration c)
    {
        string? Get(string key) => WarehouseSettings.Get(c, key);
        if (Get("Warehouse:Smtp:Host") is not { } host) return null;
        if (!int.TryParse(Get("Warehouse:Smtp:Port"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new OptionsException($"Warehouse:Smtp:Port (WAREHOUSE_SMTP_PORT) should be a port number, not '{Get("Warehouse:Smtp:Port")}'");
        }

        var security = Get("Warehouse:Smtp:Security")!.ToLowerInvariant() switch
        {
            "none" => SmtpSecurity.None,
            "starttls" => SmtpSecurity.StartTls,
            "starttls-when-available" => SmtpSecurity.StartTlsWhenAvailable,
            "ssl" => SmtpSecurity.SslOnConnect,
            var other => throw new OptionsException($"Warehouse:Smtp:Security (WAREHOUSE_SMTP_SECURITY) '{other}' should be none, starttls, starttls-when-available or ssl"),
        };
        var smtp = new SmtpOptions(host, port, security, Get("Warehouse:Smtp:User"), Get("Warehouse:Smtp:Password"), Get("Warehouse:Smtp:From")!);
        if (smtp.Problems() is { Count: > 0 } problems) throw new OptionsException(string.Join("; ", problems));
        return smtp;
    }
}

/// <summary>A setting that cannot be used; the message names it.</summary>
public sealed class OptionsException(string message) : UserFacingException(message);
