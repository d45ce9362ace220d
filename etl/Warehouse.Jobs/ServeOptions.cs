using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Warehouse.Core;
using Warehouse.Export.Digest;

namespace Warehouse.Jobs;

/// <summary>A digest sent on a schedule: its dashboard, region and recipients.</summary>
public sealed record ScheduledDigest(string Name, string Dashboard, string? Region, IReadOnlyList<string> To, string Cron);

/// <summary>What serve and its jobs run with, read from configuration and the environment and checked at start; the job storage resolved (never auto).</summary>
public sealed record ServeOptions(
    string Database,
    string Sources,
    string Dashboards,
    string? UserAgent,
    string Urls,
    TimeZoneInfo TimeZone,
    JobStorageKind JobStorage,
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

    /// <summary>The word a setting or a message uses for the job storage: inmemory or sqlserver.</summary>
    public string JobStorageName => JobStorage.ToString().ToLowerInvariant();

    /// <summary>
    /// The options from configuration and the environment: bound into <see cref="WarehouseOptions"/>
    /// and checked by <see cref="WarehouseOptionsValidator"/> through the options pipeline.
    /// </summary>
    /// <exception cref="OptionsException">A setting cannot be read or cannot work: every such setting, named, in one line.</exception>
    public static ServeOptions From(IConfiguration configuration)
    {
        var settings = Settings(configuration);
        if (Unreadable(settings).ToList() is { Count: > 0 } unreadable) throw new OptionsException(string.Join("; ", unreadable));
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(settings)
            .AddSingleton<IValidateOptions<WarehouseOptions>, WarehouseOptionsValidator>();
        services.AddOptions<WarehouseOptions>().BindConfiguration(WarehouseSettings.Section);
        using var provider = services.BuildServiceProvider();
        try
        {
            return Of(provider.GetRequiredService<IOptions<WarehouseOptions>>().Value);
        }
        catch (OptionsValidationException e)
        {
            throw new OptionsException(string.Join("; ", e.Failures));
        }
    }

    /// <summary>
    /// Each setting as <see cref="WarehouseSettings.Get"/> gives it (its environment variable, else
    /// the configuration, else its default), the digests as configured, a digest's To written as
    /// one string ("a@x.cn, b@y.cn") as a list, and no SMTP settings without an SMTP host.
    /// </summary>
    private static IConfiguration Settings(IConfiguration c)
    {
        var values = WarehouseSettings.All.Where(s => !s.Key.StartsWith("Warehouse:Digests:", StringComparison.Ordinal))
            .ToDictionary(s => s.Key, s => WarehouseSettings.Get(c, s.Key), StringComparer.OrdinalIgnoreCase);
        if (values["Warehouse:Smtp:Host"] is null)
        {
            foreach (var key in values.Keys.Where(k => k.StartsWith("Warehouse:Smtp:", StringComparison.Ordinal)).ToList()) values.Remove(key);
        }

        foreach (var (key, value) in c.GetSection("Warehouse:Digests").AsEnumerable().Where(kv => kv.Value is not null)) values[key] = value;
        foreach (var d in c.GetSection("Warehouse:Digests").GetChildren().Where(d => d["To"] is not null))
        {
            values.Remove($"{d.Path}:To");
            var to = d["To"]!.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var i = 0; i < to.Length; i++) values[$"{d.Path}:To:{i}"] = to[i];
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static readonly string[] WholeNumberSettings = ["Warehouse:Jobs:Workers", "Warehouse:Jobs:PollSeconds"];

    /// <summary>Values that cannot be bound to their type: a number that is not one, a storage that is not a kind.</summary>
    private static IEnumerable<string> Unreadable(IConfiguration settings)
    {
        foreach (var key in WholeNumberSettings.Where(k => !IsWhole(settings[k])))
        {
            var environment = WarehouseSettings.All.First(s => s.Key == key).Environment;
            yield return $"{key}（{environment}）应为整数，而不是「{settings[key]}」。{key} ({environment}) should be a whole number, not '{settings[key]}'";
        }

        var storage = settings["Warehouse:Jobs:Storage"]!.ToLowerInvariant();
        if (!Enum.GetNames<JobStorageKind>().Any(n => n.Equals(storage, StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"任务存储 Warehouse:Jobs:Storage「{storage}」应为 inmemory、sqlserver 或 auto。Warehouse:Jobs:Storage '{storage}' should be inmemory, sqlserver or auto";
        }

        if (settings["Warehouse:Smtp:Port"] is { } port && !IsWhole(port))
        {
            yield return WarehouseOptionsValidator.NotAPort(port);
        }
    }

    private static bool IsWhole(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);

    /// <summary>The options to run with, from settings that passed <see cref="WarehouseOptionsValidator"/>.</summary>
    private static ServeOptions Of(WarehouseOptions o)
    {
        var s = o.Smtp;
        var smtp = s.Host is null ? null : new SmtpOptions(s.Host, s.Port, SmtpOptions.ParseSecurity(s.Security)!.Value, s.User, s.Password, s.From);
        var digests = o.Digests.Select(d => new ScheduledDigest(d.Name!, d.Dashboard, string.IsNullOrWhiteSpace(d.Region) ? null : d.Region, d.To, d.Cron!)).ToList();
        return new ServeOptions(o.Database, o.Sources, o.Dashboards, o.UserAgent, o.Urls, o.Zone()!, o.JobStorage, o.JobsSqlServer, o.Jobs.Workers,
            TimeSpan.FromSeconds(o.Jobs.PollSeconds), o.Reparse.Cron is "off" or "never" ? null : o.Reparse.Cron, o.Dashboard.User, o.Dashboard.PasswordHash, smtp, digests)
        {
            SourceName = Export.Exporter.SourceNameFrom(o.SourceName),
        };
    }
}

/// <summary>A setting that cannot be used; the message names it.</summary>
public sealed class OptionsException(string message) : UserFacingException(message);
