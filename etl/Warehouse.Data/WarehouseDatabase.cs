using System.Data.Common;
using Dapper;
using DbUp;
using DbUp.Engine;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Warehouse.Data;

/// <summary>
/// Opens the warehouse, bringing its schema up to date first (DbUp, journal table <c>schema_versions</c>).
/// <see cref="ForReading"/> opens it for the reading commands (status, export, show) instead:
/// it must exist, and is opened read-only and left unchanged when its schema is current.
/// </summary>
public sealed class WarehouseDatabase(WarehouseTarget target)
{
    private bool _ready;
    private bool _readOnly;

    static WarehouseDatabase()
    {
        // The SQL names columns in snake_case; the records are PascalCase.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public WarehouseTarget Target => target;

    public SqlScripts Sql { get; } = new(target.Dialect);

    /// <summary>True for a warehouse opened by <see cref="ForReading"/>.</summary>
    public bool ReadOnly => _readOnly;

    /// <summary>
    /// Called with a sentence when a SQLite connection has waited about a second for another
    /// process's lock ("… 正在等待"), once per connection; the CLI writes it to standard error.
    /// </summary>
    public Action<string>? LockWaitNotice { get; init; }

    /// <summary>The clock that stamps what this warehouse stores (the raw store's <c>stored_at</c>); the system clock unless a test gives a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// The warehouse for a command that only reads it. A SQLite file that does not exist, or is
    /// not a warehouse, is an error (<see cref="WarehouseException"/>), never a new empty
    /// warehouse. When the schema is current nothing is written: the connections are read-only
    /// (a file on a read-only disk is read as immutable). When migrations are pending they run if
    /// the file can be written; on a read-only one the error names them.
    /// </summary>
    public static WarehouseDatabase ForReading(WarehouseTarget target, Action<string>? lockWaitNotice = null) =>
        new(target) { _readOnly = true, LockWaitNotice = lockWaitNotice };

    /// <summary>The SQLite file of the warehouse, or null for SQL Server.</summary>
    public string? File => target.Dialect == Dialect.Sqlite ? new SqliteConnectionStringBuilder(target.ConnectionString).DataSource : null;

    /// <summary>An open connection to an up-to-date warehouse; the caller disposes it.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (!_ready)
        {
            if (_readOnly) await PrepareReadingAsync(ct);
            else await MigrateAsync(ct);
            _ready = true;
        }

        return await ConnectAsync(ct);
    }

    /// <summary>
    /// A connection for the loader, which writes millions of fact rows whose keys it takes from
    /// the dimensions itself: SQLite's per-row foreign-key checks would nearly halve its speed
    /// (docs/benchmarks.md), so they are off on this connection only; the tests check the loaded
    /// warehouse with <c>pragma foreign_key_check</c>. SQL Server keeps its constraints. The WAL is
    /// copied into the database every 64 MB rather than every 4 MB: fewer, larger checkpoints.
    /// </summary>
    public async Task<DbConnection> OpenForLoadingAsync(CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        if (target.Dialect == Dialect.Sqlite)
        {
            await connection.ExecuteAsync(new CommandDefinition("pragma foreign_keys = off; pragma wal_autocheckpoint = 16384;", cancellationToken: ct));
        }

        return connection;
    }

    /// <summary>The raw store of this warehouse (the caller disposes it); read-only for a warehouse opened <see cref="ForReading"/>.</summary>
    public RawStore OpenRawStore() => _readOnly ? RawStore.OpenReadOnly(target.RawStoreDirectory, LockWaitSeconds) : RawStore.Open(target.RawStoreDirectory, LockWaitSeconds, LockWaitNotice, Time);

    private string Waiting => $"数据仓库 {target.Display} 正被另一个进程锁定，正在等待（最多 {LockWaitSeconds} 秒）…… Waiting for another process's lock on the warehouse.";

    private int LockWaitSeconds => target.Dialect == Dialect.Sqlite ? Math.Max(1, new SqliteConnectionStringBuilder(target.ConnectionString).DefaultTimeout) : 30;

    private async Task<DbConnection> ConnectAsync(CancellationToken ct)
    {
        try
        {
            if (target.Dialect == Dialect.SqlServer)
            {
                var sql = new SqlConnection(target.ConnectionString);
                await sql.OpenAsync(ct);
                return sql;
            }

            if (_readOnly) return await SqliteFiles.OpenReadOnlyAsync(File!, LockWaitSeconds, "pragma foreign_keys = on; pragma cache_size = -65536;", LockWaitNotice, Waiting, ct);

            var sqlite = new SqliteConnection(target.ConnectionString);
            await sqlite.OpenAsync(ct);

            // WAL lets readers work while a load writes; NORMAL sync is safe in WAL (a crash
            // loses at most the last transaction, never corrupts); waits rather than fails on a
            // lock, and says so (SqliteFiles.SayWhenWaiting); a 64 MB page cache keeps the indexes
            // a load touches in memory (the default is 2 MB).
            await sqlite.ExecuteAsync("pragma journal_mode = wal; pragma synchronous = normal; pragma foreign_keys = on; pragma cache_size = -65536;");
            SqliteFiles.SayWhenWaiting(sqlite, LockWaitSeconds, LockWaitNotice, Waiting);
            return sqlite;
        }
        catch (Exception e) when (e is SqliteException or SqlException or IOException or UnauthorizedAccessException)
        {
            throw Describe(e);
        }
    }

    /// <summary>For commands that must not make a new warehouse: the SQLite file must exist.</summary>
    /// <exception cref="WarehouseException">It does not: one sentence, nothing created.</exception>
    public void RequireExisting()
    {
        if (File is { } file && !System.IO.File.Exists(file))
        {
            throw new WarehouseException($"{file} 处没有数据仓库：请先载入报告（./warehouse ingest 文件… 或 ./warehouse crawl），或用 --db 指定仓库。No warehouse at {file}; nothing was created.");
        }
    }

    /// <summary>
    /// For <see cref="ForReading"/>: the file must hold a warehouse; its journal says whether the
    /// schema is current. Only pending migrations on a file that can be written are run.
    /// </summary>
    private async Task PrepareReadingAsync(CancellationToken ct)
    {
        RequireExisting();
        var file = File;

        IReadOnlyList<string>? executed;
        try
        {
            await using var connection = file is null ? await ConnectAsync(ct) : await SqliteFiles.OpenReadOnlyAsync(file, LockWaitSeconds, "", LockWaitNotice, Waiting, ct);
            executed = await ExecutedScriptsAsync(connection, ct);
        }
        catch (Exception e) when (e is SqliteException or SqlException or IOException or UnauthorizedAccessException)
        {
            throw Describe(e);
        }

        if (executed is null)
        {
            throw new WarehouseException($"{target.Display} 不是数据仓库（没有 schema_versions 表）；请用 --db 指定仓库。{target.Display} is not a warehouse; nothing was changed.");
        }

        var pending = Pending(executed);
        if (pending.Count == 0) return;

        if (file is not null && Writable.WhyNot(file) is { } why)
        {
            throw new WarehouseException(
                $"数据仓库 {file} 是只读的（{why}），而它的结构需要升级（{pending.Count} 项待执行：{string.Join("、", pending.Take(3))}{(pending.Count > 3 ? " 等" : "")}），只读时无法升级：请在可写的位置运行一次任一命令（如 ./warehouse status）完成升级后再读。" +
                $"The warehouse {file} is read-only and its schema needs {pending.Count} migration(s); nothing was changed.");
        }

        // Writable: bring it up to date as every other command would, then read.
        await MigrateAsync(ct);
    }

    /// <summary>The scripts the journal records as run, or null when the database has no journal (new, or not a warehouse).</summary>
    private async Task<IReadOnlyList<string>?> ExecutedScriptsAsync(DbConnection connection, CancellationToken ct)
    {
        var table = target.Dialect == Dialect.Sqlite
            ? "select count(*) from sqlite_master where type = 'table' and name = 'schema_versions'"
            : "select count(*) from sys.tables where name = 'schema_versions' and schema_id = schema_id('dbo')";
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(table, cancellationToken: ct)) == 0) return null;
        var journal = target.Dialect == Dialect.Sqlite ? "schema_versions" : "dbo.schema_versions";
        return (await connection.QueryAsync<string>(new CommandDefinition($"select ScriptName from {journal}", cancellationToken: ct))).ToList();
    }

    /// <summary>
    /// The migrations and views not yet run, in order (all of them for a database without a
    /// journal). Views carry a hash in their name and are made again when they change; only a
    /// migration this version does not know means the database is from a newer one.
    /// </summary>
    /// <exception cref="WarehouseException">The database was written by a newer version.</exception>
    private List<string> Pending(IReadOnlyList<string>? executed)
    {
        var migrations = Sql.Migrations().Select(m => m.Name).ToList();
        var known = migrations.ToHashSet();
        var newer = (executed ?? []).Where(s => !s.StartsWith("views/", StringComparison.Ordinal) && !known.Contains(s)).ToList();
        if (newer.Count > 0) throw Newer(newer[0]);
        var done = (executed ?? []).ToHashSet();
        return migrations.Concat(Sql.Views().Select(v => v.Name)).Where(s => !done.Contains(s)).ToList();
    }

    private WarehouseException Newer(string migration) => new(
        $"数据仓库 {target.Display} 由更新版本的 Warehouse 写入（含本版本不认识的迁移 {migration}），请使用新版本；未做任何改动。" +
        $"The warehouse {target.Display} was written by a newer version of Warehouse (it has migration {migration}, which this version does not know); use the newer version, nothing was changed");

    private async Task MigrateAsync(CancellationToken ct)
    {
        if (target.Dialect == Dialect.Sqlite)
        {
            var dir = Path.GetDirectoryName(target.Display)!;
            try
            {
                Directory.CreateDirectory(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new WarehouseException($"cannot create the folder of the warehouse {target.Display}: {e.Message}", e);
            }
        }

        var migrations = Sql.Migrations().Select(m => new SqlScript(m.Name, m.Sql)).ToList();
        var scripts = migrations.Concat(Sql.Views().Select(v => new SqlScript(v.Name, v.Sql))).ToList();

        try
        {
            // The journal is read on a connection of ours (which says when it waits for a lock);
            // DbUp, which opens a transaction even to read it, runs only when something is pending.
            IReadOnlyList<string>? executed;
            await using (var journal = await ConnectAsync(ct)) executed = await ExecutedScriptsAsync(journal, ct);
            if (Pending(executed).Count > 0)
            {
                var builder = target.Dialect == Dialect.Sqlite
                    ? DeployChanges.To.SqliteDatabase(target.ConnectionString).JournalToSqliteTable("schema_versions")
                    : DeployChanges.To.SqlDatabase(target.ConnectionString).JournalToSqlTable("dbo", "schema_versions");
                var result = builder.WithScripts(scripts).WithTransactionPerScript().LogToNowhere().Build().PerformUpgrade();
                if (!result.Successful) throw Describe(result.Error);
            }

            using var connection = await ConnectAsync(ct);
            await new DimensionSeeder(Sql).SeedAsync(connection, ct);
        }
        catch (WarehouseException)
        {
            throw;
        }
        catch (Exception e) when (e is SqliteException or SqlException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw Describe(e);
        }
    }

    /// <summary>A sentence for what went wrong with the database file or server.</summary>
    public WarehouseException Describe(Exception e)
    {
        var where = target.Display;
        var inner = e is SqliteException ? e : e.InnerException as SqliteException ?? e;
        if (inner is SqliteException { SqliteErrorCode: 8 or 10 or 14 } && target.Dialect == Dialect.Sqlite && Writable.WhyNot(where) is { } why)
        {
            return new($"数据仓库 {where} 是只读的（{why}），未做任何改动。The warehouse {where} is read-only ({why}); nothing was changed", e);
        }

        return inner switch
        {
            SqliteException { SqliteErrorCode: 8 } => new($"数据仓库 {where} 是只读的，未做任何改动。The warehouse {where} is read-only; nothing was changed", e),
            SqliteException { SqliteErrorCode: 13 } => new($"存放 {where} 的磁盘已满：最后一份报告没有载入，没有写了一半的内容。The disk holding {where} is full; the last report was not loaded, nothing is half-written", e),
            SqliteException { SqliteErrorCode: 5 or 6 } => new($"数据仓库 {where} 被另一个进程锁定，等待超时；请待其完成后再试。The warehouse {where} is locked by another process; try again when it is done", e),
            SqliteException { SqliteErrorCode: 14 } => new($"无法打开数据仓库 {where}（文件夹不存在或没有权限）。Cannot open the warehouse {where} (missing folder or no permission)", e),
            SqliteException { SqliteErrorCode: 26 } => new($"{where} 不是 SQLite 数据库。{where} is not a SQLite database", e),
            SqliteException { SqliteErrorCode: 11 } => new($"数据仓库 {where} 已损坏（SQLite 报告数据损坏）。The warehouse {where} is damaged (SQLite reports corruption)", e),
            SqlException sql => new($"SQL Server {where}：{sql.Message}", e),
            _ => new($"数据仓库 {where}：{e.Message}", e),
        };
    }
}
