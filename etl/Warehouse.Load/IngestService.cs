using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Dapper;
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
            else throw new FileNotFoundException($"{path}：没有这个文件或文件夹。{path}: no such file or folder", path);
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
        await using var connection = await database.OpenForLoadingAsync(ct);
        using var raw = database.OpenRawStore();
        using var writer = new IntakeWriter(connection, database.Sql, raw, time);
        var batchKey = await writer.BeginBatchAsync(options.Command, ct);
        var sourceKey = await writer.SourceAsync("files", "files given to ingest", "files", ct);
        var known = (await connection.QueryAsync<string>(new CommandDefinition(database.Sql.Get("queries/known_documents"), cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
        var intake = new DocumentIntake(reader, options.MaxBytes);

        // Reading, hashing, storing and parsing run on every core, loading on this one
        // connection, in the order of the files (so that which of two documents supersedes the
        // other never depends on timing). The bounded channel keeps memory flat.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channel = Channel.CreateBounded<Task<Prepared>>(new BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true });
        using var budget = new ByteBudget(InFlightBytes);
        var producer = ProduceAsync(files, channel.Writer, file => PrepareAsync(intake, file, budget, known, options, sourceKey, stop.Token), stop.Token);

        int loaded = 0, superseding = 0, history = 0, unchanged = 0, done = 0;
        var rejected = new List<(string, string)>();
        var findings = new Dictionary<string, int>();
        DbTransaction? tx = null;
        try
        {
            var pending = 0;
            var opened = Stopwatch.StartNew();
            await foreach (var next in channel.Reader.ReadAllAsync(ct))
            {
                var item = await next;
                budget.Release(item.Document?.Bytes.LongLength ?? 0);
                if (item.Document is not { } document)
                {
                    rejected.Add((item.File, item.Refusal!));
                }
                else
                {
                    // The bytes first: whatever happens to the report, the document is kept.
                    writer.Store(document);
                    tx ??= await connection.BeginTransactionAsync(ct);
                    var outcome = await writer.LoadAsync(tx, document, batchKey, ct);
                    pending++;
                    switch (outcome)
                    {
                        case LoadOutcome.Loaded: loaded++; break;
                        case LoadOutcome.Superseding: superseding++; break;
                        case LoadOutcome.History: history++; break;
                        case LoadOutcome.Unchanged: unchanged++; break;
                        case LoadOutcome.Rejected: rejected.Add((item.File, document.Reading.Rejection!)); break;
                    }

                    if (outcome != LoadOutcome.Unchanged)
                    {
                        foreach (var f in document.Reading.Findings) findings[f.Rule] = findings.GetValueOrDefault(f.Rule) + 1;
                    }
                }

                // Many reports per transaction, each whole: a crash loses at most the last second's work, never half a report.
                if (tx is not null && (pending >= CommitEvery || opened.Elapsed >= CommitAfter))
                {
                    raw.Commit();
                    await tx.CommitAsync(ct);
                    await tx.DisposeAsync();
                    tx = null;
                    pending = 0;
                    opened.Restart();
                }

                progress?.Report(++done);
            }

            raw.Commit();
            if (tx is not null) await tx.CommitAsync(ct);
            await producer;
        }
        finally
        {
            if (tx is not null) await tx.DisposeAsync();
            await stop.CancelAsync();
            try
            {
                await producer;
            }
            catch (Exception)
            {
                // Reached only when the loop above stopped first (failed or cancelled): its exception is the one that matters.
            }
        }

        await writer.FinishBatchAsync(batchKey, ct);
        if (loaded + superseding + history > 0) await new DerivedTables(database, time).RefreshAsync(connection, reportsChanged: true, ct);
        return new IngestSummary(files.Count, loaded, superseding, history, unchanged, rejected, findings);
    }

    private const int ReadAhead = 64;

    /// <summary>Readers and parsers: every core but the writer's, which is the bottleneck and must not wait for a core.</summary>
    private static readonly int Workers = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Document bytes read but not yet stored, at most (a folder of large PDFs must not fill memory).</summary>
    private const long InFlightBytes = 128L * 1024 * 1024;

    private const int CommitEvery = 2000;

    private static readonly TimeSpan CommitAfter = TimeSpan.FromSeconds(1);

    /// <summary>A file made ready for the writer: the document as the intake read it, or why it is refused unread.</summary>
    private sealed record Prepared(string File, IntakeDocument? Document, string? Refusal);

    private static async Task ProduceAsync(
        IReadOnlyList<string> files, ChannelWriter<Task<Prepared>> writer, Func<string, Task<Prepared>> prepare, CancellationToken ct)
    {
        using var workers = new SemaphoreSlim(Workers);
        try
        {
            foreach (var file in files)
            {
                await workers.WaitAsync(ct);
                var work = Task.Run(async () =>
                {
                    try
                    {
                        return await prepare(file);
                    }
                    finally
                    {
                        workers.Release();
                    }
                }, ct);
                await writer.WriteAsync(work, ct);
            }

            // Let the last workers finish before the semaphore goes.
            for (var i = 0; i < Workers; i++) await workers.WaitAsync(ct);
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }

    private static async Task<Prepared> PrepareAsync(DocumentIntake intake, string file, ByteBudget budget, HashSet<string> known, IngestOptions options, long sourceKey, CancellationToken ct)
    {
        byte[] bytes;
        long taken = 0;
        try
        {
            var size = new FileInfo(file).Length;
            if (size > options.MaxBytes)
            {
                return new Prepared(file, null, $"the file is {size / (1024 * 1024)} MB, over the size limit of {options.MaxBytes / (1024 * 1024)} MB");
            }

            await budget.TakeAsync(size, ct);
            taken = size;
            bytes = await File.ReadAllBytesAsync(file, ct);
            if (bytes.LongLength != size)
            {
                // Changed while we read it: account for what we hold.
                budget.Release(size);
                taken = 0;
                await budget.TakeAsync(bytes.LongLength, ct);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            budget.Release(taken);
            return new Prepared(file, null, $"could not be read: {e.Message}");
        }

        // Seen before (known by its hash): not read again; the writer only notes that it was seen again.
        var document = await intake.ReadAsync(bytes, new DocumentOrigin(file, SourceKey: sourceKey, RegionHint: options.RegionHint), ct, known: known);
        return new Prepared(file, document, null);
    }

    /// <summary>An amount of memory that readers take before reading and the writer gives back once stored.</summary>
    private sealed class ByteBudget(long capacity) : IDisposable
    {
        private readonly Lock _lock = new();
        private readonly SemaphoreSlim _freed = new(0);
        private long _used;
        private int _waiting;

        public async Task TakeAsync(long bytes, CancellationToken ct)
        {
            while (true)
            {
                lock (_lock)
                {
                    // A document larger than the whole budget still goes through, alone.
                    if (_used == 0 || _used + bytes <= capacity)
                    {
                        _used += bytes;
                        return;
                    }

                    _waiting++;
                }

                await _freed.WaitAsync(ct);
            }
        }

        public void Release(long bytes)
        {
            if (bytes == 0) return;
            int waiting;
            lock (_lock)
            {
                _used -= bytes;
                waiting = _waiting;
                _waiting = 0;
            }

            if (waiting > 0) _freed.Release(waiting);
        }

        public void Dispose() => _freed.Dispose();
    }
}
