using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using Warehouse.Data;

namespace Warehouse.Load.Tests;

/// <summary>
/// A real warehouse for one test, removed afterwards: a SQLite file in a temporary folder, or
/// (<see cref="OnSqlServer"/>) a database of its own on the SQL Server that <c>WAREHOUSE_SQLSERVER</c>
/// names, with its raw store and input files in the temporary folder.
/// </summary>
public sealed class TempWarehouse : IDisposable
{
    /// <summary>The environment variable holding a SQL Server connection string with rights to create databases.</summary>
    public const string SqlServerVariable = "WAREHOUSE_SQLSERVER";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("warehouse-load-");
    private readonly Action? _drop;

    public TempWarehouse(int lockWaitSeconds = 30)
    {
        Database = new WarehouseDatabase(WarehouseTarget.Parse(Path.Combine(_dir.FullName, "w.db"), lockWaitSeconds: lockWaitSeconds));
    }

    private TempWarehouse(string connectionString, Action drop)
    {
        Database = new WarehouseDatabase(WarehouseTarget.Parse(connectionString, Path.Combine(_dir.FullName, "raw")));
        _drop = drop;
    }

    public WarehouseDatabase Database { get; }

    public Dialect Dialect => Database.Target.Dialect;

    public string Folder => _dir.FullName;

    /// <summary>
    /// A warehouse in a new database on the SQL Server of <c>WAREHOUSE_SQLSERVER</c>, dropped on
    /// <see cref="Dispose"/>. Without the variable the test reports itself skipped, with the reason.
    /// </summary>
    public static TempWarehouse OnSqlServer()
    {
        var server = Environment.GetEnvironmentVariable(SqlServerVariable);
        if (string.IsNullOrWhiteSpace(server)) Assert.Skip($"{SqlServerVariable} is not set: no SQL Server to test against (set it to a connection string with rights to create databases).");
        var name = $"warehouse_test_{Guid.NewGuid():N}"[..30];
        var master = new SqlConnectionStringBuilder(server) { InitialCatalog = "master" }.ConnectionString;
        using (var c = new SqlConnection(master)) c.Execute($"create database [{name}]");
        return new TempWarehouse(new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ConnectionString, () =>
        {
            SqlConnection.ClearAllPools();
            using var c = new SqlConnection(master);
            c.Execute($"alter database [{name}] set single_user with rollback immediate; drop database [{name}];");
        });
    }

    /// <summary>A shared script's text rendered for this warehouse's dialect (<see cref="SqlScripts.Render"/>): tests write <c>dbo.</c> and <c>N'…'</c> once.</summary>
    public string Sql(string text) => SqlScripts.Render(text, Dialect);

    public IngestService Ingest(TimeProvider? time = null) => new(Database, DocumentReader.Default, time ?? TimeProvider.System);

    public async Task<long> CountAsync(string table, string where = "1 = 1")
    {
        await using var c = await Database.OpenAsync(TestContext.Current.CancellationToken);
        return await c.ExecuteScalarAsync<long>($"select count(*) from {table} where {where}");
    }

    /// <summary>Rows whose foreign keys point nowhere (the loader runs with SQLite's checks off, so the tests check).</summary>
    public async Task<long> ForeignKeyViolationsAsync()
    {
        await using var c = await Database.OpenAsync(TestContext.Current.CancellationToken);
        return (await c.QueryAsync("pragma foreign_key_check")).Count();
    }

    public async Task<DbConnection> OpenAsync() => await Database.OpenAsync(TestContext.Current.CancellationToken);

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, "in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        if (_drop is null) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        else _drop();
        _dir.Delete(recursive: true);
    }
}
