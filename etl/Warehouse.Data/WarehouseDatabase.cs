using System.Data.Common;
using Dapper;
using DbUp;
using DbUp.Engine;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Warehouse.Data;

/// <summary>Opens the warehouse, bringing its schema up to date first (DbUp, journal table <c>schema_versions</c>).</summary>
public sealed class WarehouseDatabase(WarehouseTarget target)
{
    private bool _ready;

    static WarehouseDatabase()
    {
        // The SQL names columns in snake_case; the records are PascalCase.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public WarehouseTarget Target => target;

    public SqlScripts Sql { get; } = new(target.Dialect);

    /// <summary>An open connection to an up-to-date warehouse; the caller disposes it.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (!_ready)
        {
            await MigrateAsync(ct);
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

    /// <summary>The raw store of this warehouse (the caller disposes it).</summary>
    public RawStore OpenRawStore() => RawStore.Open(target.RawStoreDirectory);

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

            var sqlite = new SqliteConnection(target.ConnectionString);
            await sqlite.OpenAsync(ct);

            // WAL lets readers work while a load writes; NORMAL sync is safe in WAL (a crash
            // loses at most the last transaction, never corrupts); waits rather than fails on a lock;
            // a 64 MB page cache keeps the indexes a load touches in memory (the default is 2 MB).
            await sqlite.ExecuteAsync($"pragma journal_mode = wal; pragma synchronous = normal; pragma foreign_keys = on; pragma cache_size = -65536; pragma busy_timeout = {Math.Max(1, new SqliteConnectionStringBuilder(target.ConnectionString).DefaultTimeout) * 1000};");
            return sqlite;
        }
        catch (Exception e) when (e is SqliteException or SqlException or IOException or UnauthorizedAccessException)
        {
            throw Describe(e);
        }
    }

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
        var builder = target.Dialect == Dialect.Sqlite
            ? DeployChanges.To.SqliteDatabase(target.ConnectionString).JournalToSqliteTable("schema_versions")
            : DeployChanges.To.SqlDatabase(target.ConnectionString).JournalToSqlTable("dbo", "schema_versions");
        var upgrader = builder.WithScripts(scripts).WithTransactionPerScript().LogToNowhere().Build();

        try
        {
            // Views carry a hash in their name and are made again when they change; only a
            // migration this version does not know means the database is from a newer one.
            var known = migrations.Select(s => s.Name).ToHashSet();
            var newer = upgrader.GetExecutedScripts().Where(s => !s.StartsWith("views/", StringComparison.Ordinal) && !known.Contains(s)).ToList();
            if (newer.Count > 0)
            {
                throw new WarehouseException(
                    $"the warehouse {target.Display} was written by a newer version of Warehouse (it has migration {newer[0]}, which this version does not know); use the newer version, nothing was changed");
            }

            if (upgrader.IsUpgradeRequired())
            {
                var result = upgrader.PerformUpgrade();
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
            return new($"the warehouse {where} is read-only ({why}); nothing was changed", e);
        }

        return inner switch
        {
            SqliteException { SqliteErrorCode: 8 } => new($"the warehouse {where} is read-only; nothing was changed", e),
            SqliteException { SqliteErrorCode: 13 } => new($"the disk holding {where} is full; the last report was not loaded, nothing is half-written", e),
            SqliteException { SqliteErrorCode: 5 or 6 } => new($"the warehouse {where} is locked by another process; try again when it is done", e),
            SqliteException { SqliteErrorCode: 14 } => new($"cannot open the warehouse {where} (missing folder or no permission)", e),
            SqliteException { SqliteErrorCode: 26 } => new($"{where} is not a SQLite database", e),
            SqliteException { SqliteErrorCode: 11 } => new($"the warehouse {where} is damaged (SQLite reports corruption)", e),
            SqlException sql => new($"SQL Server {where}: {sql.Message}", e),
            _ => new($"the warehouse {where}: {e.Message}", e),
        };
    }
}
