using Warehouse.Corpus;
using Warehouse.Data;
using Warehouse.Load;

namespace Warehouse.Export.Tests;

/// <summary>A warehouse loaded with a generated panel: the same agencies every year, by default every tenth agency's last report withheld so that it is missing.</summary>
internal static class PanelWarehouse
{
    /// <param name="withholdEvery">Every how many agencies one misses its last report (0: none).</param>
    /// <returns>The warehouse (<c>warehouse.db</c> in <paramref name="folder"/>, its corpus in <c>corpus/</c>) and how many reports were withheld.</returns>
    public static async Task<(WarehouseDatabase Database, int Withheld)> LoadAsync(string folder, int agencies, Panel panel, int seed, IReadOnlyList<string> layouts, CancellationToken ct, double inconsistent = 0.15, int withholdEvery = 10)
    {
        var corpus = Path.Combine(folder, "corpus");
        var manifest = await new CorpusWriter().WriteAsync(corpus, new CorpusOptions(agencies * panel.Years, seed, layouts, inconsistent, panel), null, ct);
        var files = new List<string>();
        var withheld = 0;
        foreach (var e in manifest.Entries)
        {
            var (agency, k) = (e.Index / panel.Years, e.Index % panel.Years);
            if (withholdEvery > 0 && k == panel.Years - 1 && agency % withholdEvery == 0)
            {
                withheld++;
                continue;
            }

            files.Add(Path.Combine(corpus, e.File));
        }

        var database = new WarehouseDatabase(WarehouseTarget.Parse(Path.Combine(folder, "warehouse.db")));
        var summary = await new IngestService(database, DocumentReader.Default, TimeProvider.System).IngestAsync(files, new IngestOptions(), null, ct);
        if (summary.Rejected.Count > 0) throw new InvalidOperationException($"{summary.Rejected.Count} generated reports were rejected.");
        return (database, withheld);
    }
}
