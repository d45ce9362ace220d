namespace Warehouse.Data;

/// <summary>Where the warehouse lives: a SQLite file (the default) or a SQL Server database, and its raw store.</summary>
/// <param name="RawStoreDirectory">The content-addressed folder of document bytes, beside the database.</param>
public sealed record WarehouseTarget(Dialect Dialect, string ConnectionString, string RawStoreDirectory, string Display)
{
    public const string DefaultPath = "data/warehouse.db";

    /// <summary>
    /// A SQLite path ("data/warehouse.db") or a SQL Server connection string ("Server=…;Database=…").
    /// For SQL Server the raw store is <c>WAREHOUSE_RAW_STORE</c>, else <c>data/raw</c>.
    /// </summary>
    /// <param name="lockWaitSeconds">How long a SQLite command waits for another writer before it gives up.</param>
    public static WarehouseTarget Parse(string? value, string? rawStore = null, int lockWaitSeconds = 30)
    {
        var text = string.IsNullOrWhiteSpace(value) ? DefaultPath : value.Trim();
        if (text.Contains(';') && text.Contains('=') && (text.Contains("Server=", StringComparison.OrdinalIgnoreCase) || text.Contains("Initial Catalog=", StringComparison.OrdinalIgnoreCase) || text.Contains("Database=", StringComparison.OrdinalIgnoreCase)))
        {
            var builder = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(text);
            return new WarehouseTarget(Dialect.SqlServer, text, Path.GetFullPath(rawStore ?? Path.Combine("data", "raw")), $"SQL Server {builder.DataSource}/{builder.InitialCatalog}");
        }

        var path = Path.GetFullPath(text);
        var connection = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = false,
            DefaultTimeout = lockWaitSeconds,
        }.ToString();
        return new WarehouseTarget(Dialect.Sqlite, connection, rawStore ?? Path.ChangeExtension(path, null) + ".raw", path);
    }
}
