using System.Diagnostics;

namespace Warehouse.Cli.Tests;

internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Seed(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds", name);

    public static string SeedText(string prefix) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds"), prefix + "*.txt").Single();

    /// <summary>Runs the CLI in-process, as the launcher would, capturing what a user sees.</summary>
    public static async Task<(int Code, string Out, string Err)> Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await WarehouseCli.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the real <c>./warehouse</c> launcher in a child process.</summary>
    public static (int Code, string Out, string Err) Launcher(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(Root, "warehouse")) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) p.Kill(true);
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the launcher without waiting. It execs dotnet, so this process is the CLI itself and Kill() is SIGKILL to it.</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(Root, "warehouse")) { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        var p = Process.Start(start)!;
        _ = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        return p;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Warehouse.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Warehouse.sln not found above " + AppContext.BaseDirectory);
    }
}
