using Microsoft.Data.Sqlite;
using Warehouse.Corpus;
using Warehouse.Data;
using Warehouse.Export.Dashboards;
using Warehouse.Office;

namespace Warehouse.Export.Tests;

/// <summary>
/// One warehouse loaded with a generated panel (120 agencies reporting 2021-2023, some of the
/// 2023 reports withheld so that agencies are missing), the standard workbooks exported from
/// it once, and LibreOffice's CSV of every sheet of them, made in one batch.
/// </summary>
public class ExportFixture : IAsyncLifetime
{
    public const int Agencies = 120;
    public const int FirstYear = 2021;
    public const int Years = 3;

    /// <summary>The panel loaded: agencies, years, the share of reports broken on purpose, and every how many agencies one misses its last report (0: none).</summary>
    protected virtual (int Agencies, int Years, double Inconsistent, int WithholdEvery) Panel => (Agencies, Years, 0.15, 10);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("warehouse-export-");

    public string Folder => _dir.FullName;

    public WarehouseDatabase Database { get; private set; } = null!;

    public DashboardCatalog Catalog { get; } = DashboardCatalog.Load(Path.Combine(Repo.Root, "dashboards"));

    public Dictionary<string, ExportResult> Results { get; } = [];

    public string CsvFolder => Path.Combine(Folder, "csv");

    /// <summary>The agencies whose last-year report was withheld.</summary>
    public int Withheld { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var (agencies, years, inconsistent, withhold) = Panel;
        (Database, Withheld) = await PanelWarehouse.LoadAsync(Folder, agencies, new Panel(FirstYear, years), 11, [Layouts.TextTab, Layouts.TextCell], ct, inconsistent, withhold);

        var exporter = new Exporter(Database, TimeProvider.System);
        foreach (var name in DashboardCatalog.Standard)
        {
            var d = Catalog.Find(name) ?? throw new InvalidOperationException($"No dashboard {name}.");
            Results[name] = await exporter.ExportAsync(d, new SelectionRequest(), Path.Combine(Folder, "out", $"{name}.xlsx"), null, ct);
        }

        Directory.CreateDirectory(CsvFolder);
        // Every sheet of every workbook, numbers as stored (not as shown), in one LibreOffice run.
        await Soffice.ConvertAsync(Results.Values.Select(r => r.Path).ToList(), "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            CsvFolder, TimeSpan.FromMinutes(5), ct);
    }

    public string Csv(string dashboard, string sheet) => Path.Combine(CsvFolder, $"{dashboard}-{sheet}.csv");

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A smaller panel whose reports all add up (none broken on purpose, none withheld): there the
/// totals a report states equal the sums of its parts, so every PivotTable's totals must equal
/// the summary sheets' to the unit.
/// </summary>
public sealed class ConsistentExportFixture : ExportFixture
{
    protected override (int Agencies, int Years, double Inconsistent, int WithholdEvery) Panel => (40, 2, 0, 0);
}
