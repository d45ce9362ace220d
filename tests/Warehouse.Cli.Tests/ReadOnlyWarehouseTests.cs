using Dapper;
using Microsoft.Data.Sqlite;
using Shouldly;

namespace Warehouse.Cli.Tests;

/// <summary>
/// The reading commands (status, show, export) on a warehouse that cannot be written: a real
/// read-only bind mount in a mount namespace of its own (the tests run as root, and root ignores
/// file permissions, so a chmod would prove nothing). Nothing in the folder may change.
/// </summary>
public sealed class ReadOnlyWarehouseTests
{
    [Fact]
    public void Status_show_and_export_read_a_warehouse_on_a_read_only_disk_and_change_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("readonly-read-");
        try
        {
            var (w, db) = DiskTests.SeededWarehouse(dir);
            File.Exists(db + "-wal").ShouldBeFalse("a closed warehouse has no WAL: reading it read-only needs the immutable open");
            var before = DiskTests.Fingerprint(w);
            var saved = Path.Combine(dir.FullName, "saved.txt");
            var workbook = Path.Combine(dir.FullName, "报送情况.xlsx");

            var (code, output, err) = DiskTests.InNamespace(
                """
                mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 99
                dotnet "$2" status --db "$3" --limit 0 || exit 1
                dotnet "$2" show 赣县区商务局 2023 --db "$3" --save "$4" || exit 2
                dotnet "$2" export --dashboard 报送情况 --region 赣州市 --db "$3" --out "$5" --dashboards "$6" || exit 3
                """,
                w, DiskTests.Cli, db, saved, workbook, Path.Combine(Repo.Root, "dashboards"));

            code.ShouldBe(0, output + err);
            output.ShouldContain("逾期、未注明日期或有问题的报告");
            output.ShouldContain("原文链接 ");
            output.ShouldContain("已写入");
            File.ReadAllBytes(saved).ShouldBe(File.ReadAllBytes(Repo.SeedText("000")));
            File.Exists(workbook).ShouldBeTrue();
            DiskTests.Fingerprint(w).ShouldBe(before);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_read_only_warehouse_whose_schema_needs_migrations_says_so_and_a_writable_one_is_brought_up_to_date()
    {
        var dir = Directory.CreateTempSubdirectory("readonly-migrate-");
        try
        {
            var (w, db) = DiskTests.SeededWarehouse(dir);
            long scripts;
            using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
            {
                scripts = c.ExecuteScalar<long>("select count(*) from schema_versions");
                c.Execute("delete from schema_versions where ScriptName like 'views/03_v_filing_status@%'");
            }

            SqliteConnection.ClearAllPools();
            var before = DiskTests.Fingerprint(w);
            var (code, output, err) = DiskTests.InNamespace(
                """mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && exec dotnet "$2" status --db "$3" """,
                w, DiskTests.Cli, db);

            code.ShouldBe(2, output + err);
            output.ShouldBeEmpty();
            err.ShouldContain("是只读的");
            err.ShouldContain("结构需要升级（1 项待执行：views/03_v_filing_status@");
            err.ShouldNotContain("   at ");
            DiskTests.Fingerprint(w).ShouldBe(before);

            // Where it can be written, reading brings it up to date first, as any command does.
            var writable = Repo.Launcher("status", "--db", db);
            writable.Code.ShouldBe(0, writable.Err);
            using var again = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            again.ExecuteScalar<long>("select count(*) from schema_versions").ShouldBe(scripts);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }
}
