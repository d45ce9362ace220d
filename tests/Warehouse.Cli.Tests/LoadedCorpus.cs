using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Warehouse.Cli.Tests;

/// <summary>
/// A warehouse loaded from a generated corpus of two years (北京市 and 崂山区 agencies; some late,
/// some undated, some inconsistent on purpose), with one agency's second-year report held back
/// so that it is missing. Made once per test class.
/// </summary>
public sealed class LoadedCorpus : IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cli-corpus-");

    public string Folder => _dir.FullName;

    public string Db => Path.Combine(Folder, "w.db");

    public string Corpus => Path.Combine(Folder, "corpus");

    /// <summary>The report left out of the warehouse: its agency is missing in 2023.</summary>
    public (string Agency, string File) Withheld { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var (code, _, err) = await WarehouseCliRun("corpus", "generate", "--count", "40", "--seed", "5", "--out", Corpus, "--years", "2022-2023", "--layouts", "text-tab,html-trs");
        if (code != 0) throw new InvalidOperationException(err);

        var withheld = Directory.GetFiles(Corpus, "*.expected.json").Order(StringComparer.Ordinal)
            .Select(f => (File: f, Json: JsonNode.Parse(File.ReadAllText(f))!))
            .First(x => x.Json["year"]!.GetValue<int>() == 2023);
        var document = Directory.GetFiles(Corpus, Path.GetFileName(withheld.File).Replace(".expected.json", ".*", StringComparison.Ordinal)).Single(f => !f.EndsWith(".json", StringComparison.Ordinal));
        var aside = Path.Combine(Folder, "withheld");
        Directory.CreateDirectory(aside);
        File.Move(document, Path.Combine(aside, Path.GetFileName(document)));
        Withheld = (withheld.Json["agency"]!.GetValue<string>(), document);

        (code, _, err) = await WarehouseCliRun("ingest", Corpus, "--db", Db);
        if (code != 0) throw new InvalidOperationException(err);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>A question to the warehouse, asked from outside as an operator would.</summary>
    public List<T> Query<T>(string sql)
    {
        using var c = new SqliteConnection($"Data Source={Db};Mode=ReadOnly;Pooling=False");
        c.Open();
        return c.Query<T>(sql).ToList();
    }

    /// <summary>
    /// A copy of the warehouse (its database only, not the raw store), changed by <paramref name="sql"/>:
    /// e.g. a report made crawled, with a portal date, without touching the shared one. Its path.
    /// </summary>
    public async Task<string> CopyAsync(string sql, object? args = null)
    {
        var db = Path.Combine(Folder, $"copy-{Guid.NewGuid():N}.db");
        await using (var source = new SqliteConnection($"Data Source={Db};Pooling=False"))
        await using (var copy = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await source.OpenAsync();
            source.BackupDatabase(copy);
            await copy.ExecuteAsync(sql, args);
        }

        return db;
    }

    private static async Task<(int Code, string Out, string Err)> WarehouseCliRun(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await WarehouseCli.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
