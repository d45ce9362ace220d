namespace Warehouse.Data;

public enum Dialect
{
    Sqlite,
    SqlServer,
}

public static class DialectFolders
{
    public static string Folder(this Dialect d) => d == Dialect.Sqlite ? "sqlite" : "sqlserver";
}
