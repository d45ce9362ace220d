using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Shouldly;

namespace Warehouse.Cli.Tests;

/// <summary>A command that waits for a lock says that it is waiting: the database's, and the launcher's build lock.</summary>
public sealed class LockWaitTests
{
    [Fact]
    public async Task A_command_waiting_for_another_process_lock_on_the_warehouse_says_so_then_finishes()
    {
        var dir = Directory.CreateTempSubdirectory("lockwait-");
        try
        {
            var db = Path.Combine(dir.FullName, "w.db");
            (await Repo.Cli("ingest", Repo.SeedText("000"), "--db", db)).Code.ShouldBe(0);
            var newer = Path.Combine(dir.FullName, "newer.txt");
            await File.WriteAllTextAsync(newer, (await File.ReadAllTextAsync(Repo.SeedText("001"), TestContext.Current.CancellationToken)), TestContext.Current.CancellationToken);

            await using var holder = new SqliteConnection($"Data Source={db};Pooling=False");
            await holder.OpenAsync(TestContext.Current.CancellationToken);
            await holder.ExecuteAsync("begin immediate; insert into load_batch (command, started_at) values ('holder', '2024-01-01');");

            var output = new StringWriter();
            var error = new StringWriter();
            var watch = Stopwatch.StartNew();
            var run = Task.Run(() => WarehouseCli.RunAsync(["ingest", newer, "--db", db], output, error, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
            run.IsCompleted.ShouldBeFalse("the ingest waits for the lock");
            await holder.ExecuteAsync("rollback");

            var code = await run;
            code.ShouldBe(0, error.ToString());
            watch.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(2.5));
            error.ToString().ShouldContain($"warehouse: 数据仓库 {db} 正被另一个进程锁定，正在等待（最多 30 秒）");
            output.ToString().ShouldContain("loaded       1");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_launcher_waiting_for_another_build_says_so()
    {
        var root = Directory.CreateTempSubdirectory("launcher-lock-");
        Process? holder = null;
        try
        {
            File.Copy(Path.Combine(Repo.Root, "warehouse"), Path.Combine(root.FullName, "warehouse"));
            Directory.CreateDirectory(Path.Combine(root.FullName, "etl"));
            File.WriteAllText(Path.Combine(root.FullName, "etl", "source.cs"), "// no project: the build after the wait fails, which is not what is tested");
            Directory.CreateDirectory(Path.Combine(root.FullName, ".build"));

            // Another build holds the lock for three seconds.
            var lockFile = Path.Combine(root.FullName, ".build", "cli.lock");
            var ready = Path.Combine(root.FullName, "locked");
            holder = Process.Start(new ProcessStartInfo("flock", [lockFile, "sh", "-c", $"touch '{ready}'; sleep 3"]))!;
            var waited = Stopwatch.StartNew();
            while (!File.Exists(ready) && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50, TestContext.Current.CancellationToken);
            File.Exists(ready).ShouldBeTrue();

            var start = new ProcessStartInfo("bash", [Path.Combine(root.FullName, "warehouse"), "--help"]) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = root.FullName };
            var watch = Stopwatch.StartNew();
            using var p = Process.Start(start)!;
            var err = p.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await p.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await p.WaitForExitAsync(TestContext.Current.CancellationToken);
            (await err).ShouldContain("warehouse: 另一个命令正在构建 CLI，正在等待它完成");
            watch.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(1.5), "it waited for the lock");
        }
        finally
        {
            if (holder is { HasExited: false }) holder.Kill();
            holder?.Dispose();
            root.Delete(recursive: true);
        }
    }
}
