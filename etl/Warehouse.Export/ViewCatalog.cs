using System.Data.Common;
using Dapper;
using Warehouse.Data;

namespace Warehouse.Export;

/// <summary>The warehouse's views and their columns, in order: the names a dashboard may use.</summary>
public sealed class ViewCatalog(IReadOnlyDictionary<string, IReadOnlyList<string>> views)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Views => views;

    public static async Task<ViewCatalog> ReadAsync(DbConnection connection, SqlScripts sql, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(string View, string Column)>(new CommandDefinition(sql.Get("queries/view_columns"), cancellationToken: ct));
        return new ViewCatalog(rows.GroupBy(r => r.View, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.Column).ToList(), StringComparer.Ordinal));
    }

    /// <summary>The views of the schema this build ships, read from a scratch SQLite warehouse made for the purpose.</summary>
    public static async Task<ViewCatalog> ShippedAsync(CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("warehouse-views-");
        try
        {
            var database = new WarehouseDatabase(WarehouseTarget.Parse(Path.Combine(folder.FullName, "views.db")));
            await using var connection = await database.OpenAsync(ct);
            var catalog = await ReadAsync(connection, database.Sql, ct);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return catalog;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    public bool Has(string view) => views.ContainsKey(view);

    public bool Has(string view, string column) => views.TryGetValue(view, out var columns) && columns.Contains(column, StringComparer.Ordinal);
}
