using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Warehouse.Jobs;
using Warehouse.Serve;

namespace Warehouse.Cli.Commands;

/// <summary><c>serve</c>: the scheduled jobs, their dashboard and /health; <c>serve hash-password</c> for the dashboard's credentials.</summary>
internal static class ServeCommand
{
    public const string DefaultConfig = "warehouse.json";

    public static Option<string?> Config() => new("--config")
    {
        Description = $"A JSON settings file (see deploy/configuration.md; default: {DefaultConfig} when it exists). Environment variables win over it.",
        HelpName = "FILE",
    };

    public static IConfiguration Read(string? file)
    {
        if (file is not null && !File.Exists(file)) throw new UserError($"--config {file}：没有这个文件。--config {file}: no such file");
        var path = Path.GetFullPath(file ?? DefaultConfig);
        try
        {
            return new ConfigurationBuilder().AddJsonFile(path, optional: file is null, reloadOnChange: false).Build();
        }
        catch (InvalidDataException e)
        {
            throw new UserError($"{path} 不是有效的 JSON。{path} is not valid JSON: {e.InnerException?.Message ?? e.Message}");
        }
    }

    public static Command Create()
    {
        var config = Config();
        var urls = new Option<string?>("--urls") { Description = "Where to listen (default: Warehouse:Urls, http://127.0.0.1:5080).", HelpName = "URLS" };
        var command = new Command("serve", "Run the scheduled jobs (crawls, reparse, digests) with Hangfire, its dashboard at /hangfire and /health, until Ctrl+C.") { config, urls };
        command.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var options = ServeOptions.From(Read(pr.GetValue(config)));

            if (pr.GetValue(urls) is { } u) options = options with { Urls = u };
            await using var app = ServeHost.Build(options);
            var jobs = ServeHost.Schedule(app);

            await app.StartAsync(ct);
            var access = options.DashboardUser is null ? "local requests only" : $"user {options.DashboardUser}";
            await output.WriteLineAsync($"Serving {options.Database} on {options.Urls}: the job dashboard at /hangfire ({access}), health at /health; jobs stored {options.JobStorageName}.");
            await output.WriteLineAsync($"{jobs.Count} recurring job(s), cron in {options.TimeZone.Id}:");
            foreach (var j in jobs) await output.WriteLineAsync($"  {j.Id,-28} {j.Cron,-16} {j.What}");
            await output.WriteLineAsync("Ctrl+C stops.");
            try
            {
                await app.WaitForShutdownAsync(ct);
            }
            catch (OperationCanceledException)
            {
            }

            await app.StopAsync(CancellationToken.None);
            return WarehouseCli.Ok;
        });

        var hash = new Command("hash-password", "Read a password from standard input and print its hash for Warehouse:Dashboard:PasswordHash (the password itself is never stored).");
        hash.SetAction(async (pr, ct) =>
        {
            var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password)) throw new UserError("give the password on standard input, e.g. read -rs P && printf '%s\\n' \"$P\" | ./warehouse serve hash-password");
            if (password.Length < 12) throw new UserError("看板密码至少应有 12 个字符。A dashboard password should be at least 12 characters");
            await pr.InvocationConfiguration.Output.WriteLineAsync(PasswordHash.Create(password));
            return WarehouseCli.Ok;
        });
        command.Subcommands.Add(hash);
        return command;
    }
}
