using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Shouldly;

namespace Warehouse.Cli.Tests;

/// <summary>
/// A read-only or a full disk gives one clear line and exit code 2, and leaves the warehouse
/// sound. The disks are real: a read-only bind mount and a small tmpfs, each in a mount
/// namespace of its own (<c>unshare -m</c>, as root; CI runs as root), gone when the command ends.
/// </summary>
public sealed class DiskTests
{
    internal static string Cli => Path.Combine(Repo.Root, ".build", "cli", "warehouse.dll");

    [Fact]
    public void A_read_only_warehouse_gives_a_clear_error_and_changes_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("readonly-");
        try
        {
            var (w, db) = SeededWarehouse(dir);
            var newer = Path.Combine(dir.FullName, "newer.txt");
            File.WriteAllText(newer, File.ReadAllText(Repo.SeedText("000")).Replace("2023 年", "2024 年", StringComparison.Ordinal));
            var before = Fingerprint(w);

            var (code, _, err) = InNamespace(
                """mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && exec dotnet "$2" ingest "$3" --db "$4" """,
                w, Cli, newer, db);

            code.ShouldBe(2, err);
            err.ShouldContain("read-only");
            err.ShouldContain("nothing was changed");
            err.ShouldNotContain("   at ");
            Fingerprint(w).ShouldBe(before);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_full_disk_gives_a_clear_error_leaves_every_report_whole_and_a_rerun_completes()
    {
        var dir = Directory.CreateTempSubdirectory("fulldisk-");
        try
        {
            var corpus = Path.Combine(dir.FullName, "corpus");
            (await Repo.Cli("corpus", "generate", "--count", "3000", "--seed", "7", "--out", corpus, "--layouts", "text-tab,text-cell")).Code.ShouldBe(0);
            Repo.Launcher("--help").Code.ShouldBe(0);
            var reference = Path.Combine(dir.FullName, "reference.db");
            Repo.Launcher("ingest", corpus, "--db", reference).Code.ShouldBe(0);

            // An 8 MB disk: the schema fits, the 3,000 reports and their documents do not.
            var disk = Path.Combine(dir.FullName, "disk");
            var saved = Path.Combine(dir.FullName, "saved");
            Directory.CreateDirectory(disk);
            Directory.CreateDirectory(saved);
            var (code, _, err) = InNamespace(
                """mount -t tmpfs -o size=8m tmpfs "$1" && dotnet "$2" ingest "$3" --db "$1/warehouse.db"; rc=$?; cp -a "$1/." "$4/"; exit $rc""",
                disk, Cli, corpus, saved);

            code.ShouldBe(2, err);
            err.ShouldContain("is full");
            err.ShouldNotContain("   at ");
            var db = Path.Combine(saved, "warehouse.db");
            Warehouses.AssertWhole(db);
            Warehouses.Reports(db).ShouldBeLessThan(Warehouses.Reports(reference));

            // With room again, the same command finishes the job.
            Repo.Launcher("ingest", corpus, "--db", db).Code.ShouldBe(0);
            Warehouses.AssertWhole(db);
            Warehouses.Counts(db).ShouldBe(Warehouses.Counts(reference));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The seeds loaded by the launcher's build into <c>w/warehouse.db</c> of <paramref name="dir"/>.</summary>
    internal static (string Folder, string Db) SeededWarehouse(DirectoryInfo dir)
    {
        Repo.Launcher("--help").Code.ShouldBe(0);
        var w = Path.Combine(dir.FullName, "w");
        var db = Path.Combine(w, "warehouse.db");
        Repo.Launcher("ingest", Repo.Seed(""), "--db", db).Code.ShouldBe(0);
        return (w, db);
    }

    /// <summary>Runs a shell script (arguments as $1…) in a new mount namespace.</summary>
    internal static (int Code, string Out, string Err) InNamespace(string script, params string[] args)
    {
        var start = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
        foreach (var a in new[] { "--mount", "--propagation", "private", "sh", "-c", script, "sh" }.Concat(args)) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) p.Kill(true);
        var err = stderr.Result;
        if (err.Contains("unshare failed", StringComparison.Ordinal) || err.Contains("mount: ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"this test mounts a small file system and needs root (as CI runs) or user namespaces: {err.Trim()}");
        }

        return (p.ExitCode, stdout.Result, err);
    }

    internal static string Fingerprint(string folder) => string.Join("\n", Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(f => $"{Path.GetRelativePath(folder, f)} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}"));
}
