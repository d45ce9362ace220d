using Hangfire;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Warehouse.Data;
using Warehouse.Jobs;

namespace Warehouse.Serve;

/// <summary>
/// <c>serve</c>: an ASP.NET Core host running the Hangfire server with the recurring jobs, its
/// dashboard at /hangfire and /health. On the embedded default the job storage is in memory
/// (the frontier and the warehouse are in the database, so a restart loses only queued jobs,
/// which the schedule makes again); on SQL Server several serve processes share one queue.
/// </summary>
public static class ServeHost
{
    public static WebApplication Build(ServeOptions options, Action<ILoggingBuilder>? logging = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // Hangfire's start-up chatter is information; its retries and failures are warnings and stay.
        builder.Logging.AddFilter("Hangfire", LogLevel.Warning);
        logging?.Invoke(builder.Logging);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new WarehouseDatabase(WarehouseTarget.Parse(options.Database)));
        services?.Invoke(builder.Services);

        // Every part of Hangfire (the schedule, the server, the dashboard) finds the configured
        // zone by its id, also on a machine without tzdata where only the product knows it.
        var zones = new ZoneResolver(options.TimeZone);
        builder.Services.AddSingleton<ITimeZoneResolver>(zones);
        builder.Services.AddHangfire((provider, c) =>
        {
            // Hangfire logs through a process-wide provider; bind it to this host's loggers (a
            // provider left from an earlier host in the same process would log into a disposed factory).
            c.UseLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(provider.GetRequiredService<ILoggerFactory>()));
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings().UseWarehouseRetries();
            if (options.JobStorage == JobStorageKind.SqlServer)
            {
                c.UseSqlServerStorage(options.JobsSqlServer, new SqlServerStorageOptions
                {
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                    SchemaName = "hangfire",
                });
            }
            else
            {
                c.UseInMemoryStorage();
            }
        });
        builder.Services.AddHangfireServer(s =>
        {
            s.WorkerCount = options.Workers;
            s.TimeZoneResolver = zones;
            s.SchedulePollingInterval = options.PollInterval;
            s.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
        });

        var app = builder.Build();
        app.MapGet("/health", (ServeOptions o, WarehouseDatabase db, JobStorage storage, ILoggerFactory loggers, CancellationToken ct) =>
            Health.HandleAsync(o, db, storage, loggers.CreateLogger(typeof(Health)), ct));
        app.MapGet("/", () => Results.Text("Warehouse: the job dashboard is at /hangfire, health at /health.\n"));
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new DashboardAccess(options)],
            DashboardTitle = "Warehouse jobs",
            DisplayStorageConnectionString = false,
            TimeZoneResolver = zones,
            IsReadOnlyFunc = _ => false,
        });
        return app;
    }

    /// <summary>Registers the recurring jobs with the built host's Hangfire (call after <see cref="Build"/>).</summary>
    public static IReadOnlyList<ScheduledJob> Schedule(WebApplication app) =>
        RecurringSchedule.Apply(app.Services.GetRequiredService<ServeOptions>(), app.Services.GetRequiredService<IRecurringJobManager>(), app.Services.GetRequiredService<JobStorage>());
}
