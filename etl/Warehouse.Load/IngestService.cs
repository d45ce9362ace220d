using System.Data.Common;
using Dapper;
using Warehouse.Core;
using Warehouse.Data;
using Warehouse.Parsing;

namespace Warehouse.Load;

/// <param name="RegionHint">Region code of the portal the documents came from.</param>
/// <param name="MaxBytes">Files larger than this are refused unread.</param>
public sealed record IngestOptions(string? RegionHint = null, long MaxBytes = ParseOptions.DefaultMaxBytes, string Command = "ingest");

/// <summary>What an ingest did, for its closing summary.</summary>
public sealed record IngestSummary(
    int Files,
    int Loaded,
    int Superseding,
    int History,
    int Unchanged,
    IReadOnlyList<(string File, string Reason)> Rejected,
    IReadOnlyDictionary<string, int> FindingsByRule);

/// <summary>
/// Files → raw store → parse → check → load, one transaction per report. Safe to run again:
/// a document already loaded or rejected is recognised by its hash and left alone.
/// </summary>
public sealed class IngestService(WarehouseDatabase database, DocumentReader reader, TimeProvider time)
{
    /// <summary>Files and folders (recursively) to the files to ingest, in a stable order; JSON and hidden files are skipped.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(Path.GetFullPath(path));
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".tmp", StringComparison.Ordinal))
                    .Select(Path.GetFullPath)
                    .Order(StringComparer.Ordinal));
            }
            else throw new FileNotFoundException($"{path}: no such file or folder", path);
        }

        return files;
    }

    public async Task<IngestSummary> IngestAsync(IReadOnlyList<string> files, IngestOptions options, IProgress<int>? progress, CancellationToken ct)
    {
        try
        {
            return await RunAsync(files, options, progress, ct);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Microsoft.Data.SqlClient.SqlException)
        {
            throw database.Describe(e);
        }
    }

    private async Task<IngestSummary> RunAsync(IReadOnlyList<string> files, IngestOptions options, IProgress<int>? progress, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var sql = database.Sql;
        var loader = new ReportLoader(sql, time);
        var raw = new RawStore(database.Target.RawStoreDirectory);
        var batchKey = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.Get("queries/insert_load_batch"),
            new { options.Command, StartedAt = time.GetUtcNow().UtcDateTime }, cancellationToken: ct));
        var sourceKey = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.Get("queries/upsert_dim_source"),
            new { SourceCode = "files", Name = "files given to ingest", Kind = "files" }, cancellationToken: ct));

        int loaded = 0, superseding = 0, history = 0, unchanged = 0, done = 0;
        var rejected = new List<(string, string)>();
        var findings = new Dictionary<string, int>();
        foreach (var file in files)
        {
            ct.ThrowIfCancellationRequested();
            var outcome = await IngestOneAsync(connection, loader, raw, file, options, sourceKey, batchKey, rejected, findings, ct);
            switch (outcome)
            {
                case LoadOutcome.Loaded: loaded++; break;
                case LoadOutcome.Superseding: superseding++; break;
                case LoadOutcome.History: history++; break;
                case LoadOutcome.Unchanged: unchanged++; break;
            }

            progress?.Report(++done);
        }

        await connection.ExecuteAsync(new CommandDefinition(sql.Get("queries/finish_load_batch"),
            new { BatchKey = batchKey, FinishedAt = time.GetUtcNow().UtcDateTime }, cancellationToken: ct));
        return new IngestSummary(files.Count, loaded, superseding, history, unchanged, rejected, findings);
    }

    private async Task<LoadOutcome> IngestOneAsync(
        DbConnection connection, ReportLoader loader, RawStore raw, string file, IngestOptions options, long sourceKey, long batchKey,
        List<(string, string)> rejected, Dictionary<string, int> findings, CancellationToken ct)
    {
        var size = new FileInfo(file).Length;
        if (size > options.MaxBytes)
        {
            rejected.Add((file, $"the file is {size / (1024 * 1024)} MB, over the size limit of {options.MaxBytes / (1024 * 1024)} MB"));
            return LoadOutcome.Rejected;
        }

        var bytes = await File.ReadAllBytesAsync(file, ct);
        var sha = await raw.PutAsync(bytes, ct);
        var (known, rejection) = await loader.FindAsync(connection, sha, ct);
        var doc = new DocumentInfo(sha, file, MediaType(bytes), bytes.Length, sourceKey, options.RegionHint);
        if (known is not null || rejection is not null)
        {
            // Seen before: only its last-seen time changes.
            await loader.LoadAsync(connection, new ReportReading(file, ParseResult.Reject(rejection ?? "known"), []), doc, batchKey, ct);
            return LoadOutcome.Unchanged;
        }

        var reading = await reader.ReadAsync(bytes, file, new ParseOptions(file, RegionHint: options.RegionHint, MaxBytes: options.MaxBytes), ct);
        var outcome = await loader.LoadAsync(connection, reading, doc, batchKey, ct);
        if (outcome == LoadOutcome.Rejected) rejected.Add((file, reading.Rejection!));
        foreach (var f in reading.Findings) findings[f.Rule] = findings.GetValueOrDefault(f.Rule) + 1;
        return outcome;
    }

    public static string MediaType(byte[] bytes) => DocumentSniffer.Sniff(bytes) switch
    {
        DocumentKind.Pdf => "application/pdf",
        DocumentKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentKind.Html => "text/html",
        DocumentKind.Text => "text/plain",
        DocumentKind.LegacyOffice or DocumentKind.EncryptedOffice => "application/msword",
        DocumentKind.OtherZip => "application/zip",
        _ => "application/octet-stream",
    };
}
