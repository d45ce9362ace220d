using System.Data.Common;
using Dapper;
using Warehouse.Data;

namespace Warehouse.Load.Tests;

/// <summary>A real SQLite warehouse in a temporary folder, deleted afterwards.</summary>
public sealed class TempWarehouse : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("warehouse-load-");

    public TempWarehouse(int lockWaitSeconds = 30)
    {
        Database = new WarehouseDatabase(WarehouseTarget.Parse(Path.Combine(_dir.FullName, "w.db"), lockWaitSeconds: lockWaitSeconds));
    }

    public WarehouseDatabase Database { get; }

    public string Folder => _dir.FullName;

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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }
}
