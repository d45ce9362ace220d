using Microsoft.Data.Sqlite;
using Warehouse.Corpus;
using Warehouse.Data;
using Warehouse.Export.Dashboards;

namespace Warehouse.Export.Tests;

/// <summary>
/// A small warehouse for the digest's own tests: 100 agencies reporting 2022 and 2023 (some late,
/// some undated, as the generator makes them), ten of the 2023 reports withheld so that those
/// agencies are missing. Lighter than <see cref="ExportFixture"/>: no workbooks made up front.
/// </summary>
public sealed class DigestFixture : IAsyncLifetime
{
    public const int LastYear = 2023;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("warehouse-digest-");

    public string Folder => _dir.FullName;

    public WarehouseDatabase Database { get; private set; } = null!;

    public DashboardCatalog Catalog { get; } = DashboardCatalog.Load(Path.Combine(Repo.Root, "dashboards"));

    /// <summary>The agencies whose 2023 report was withheld.</summary>
    public int Withheld { get; private set; }

    public async ValueTask InitializeAsync() =>
        (Database, Withheld) = await PanelWarehouse.LoadAsync(Folder, 100, new Panel(LastYear - 1, 2), 23, [Layouts.TextTab], TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A clock a test sets: the digest's periods are tested at chosen moments.</summary>
internal sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
