using System.Data.Common;
using System.Globalization;
using Dapper;
using Warehouse.Crawl.Fetching;
using Warehouse.Data;
using Warehouse.Load;

namespace Warehouse.Crawl.Crawling;

/// <summary>A URL of the frontier, as the crawler takes it to fetch.</summary>
public sealed record FrontierUrl
{
    public long UrlKey { get; init; }

    public string Url { get; init; } = "";

    public UrlKind Kind { get; init; }

    public string? Title { get; init; }

    public string? FoundOn { get; init; }

    /// <summary>The date the list page printed beside the link (an article's list date); null when it printed none.</summary>
    public DateOnly? ListDate { get; init; }

    public string? Etag { get; init; }

    public string? LastModified { get; init; }

    public string? Sha256 { get; init; }

    public Uri Uri => new(Url);

    /// <summary>The validators of the last fetch, for a conditional GET.</summary>
    public Validators? Validators => Etag is null && LastModified is null
        ? null
        : new Validators(Etag, LastModified is null ? null : DateTimeOffset.Parse(LastModified, CultureInfo.InvariantCulture));
}

/// <summary>A run's URLs by kind, state and outcome.</summary>
public sealed record CrawlOutcomeCount
{
    public UrlKind Kind { get; init; }

    public UrlState State { get; init; }

    /// <summary>Null for URLs with none (list pages, failures).</summary>
    public UrlOutcome? Outcome { get; init; }

    public long Urls { get; init; }
}

/// <summary>A URL of a run that failed or was refused.</summary>
public sealed record CrawlProblem
{
    public string Url { get; init; } = "";

    public UrlKind Kind { get; init; }

    public UrlState State { get; init; }

    public string? LastReason { get; init; }
}

/// <summary>
/// The crawler's side of the warehouse: the frontier, the raw store and the loader, over one
/// connection. Calls are serialised, since fetches run in parallel; a document's report and
/// its URL's completion are written in one transaction, after its bytes are stored, so a kill
/// leaves every URL either done with its report loaded or still pending.
/// </summary>
public sealed class CrawlStore : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly WarehouseDatabase _database;
    private readonly IntakeWriter _writer;
    private readonly RawStore _raw;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _turn = new(1, 1);

    private CrawlStore(WarehouseDatabase database, DbConnection connection, RawStore raw, TimeProvider time)
    {
        _database = database;
        _connection = connection;
        _raw = raw;
        _time = time;
        _writer = new IntakeWriter(connection, database.Sql, raw, time);
    }

    private SqlScripts Sql => _database.Sql;

    public static async Task<CrawlStore> OpenAsync(WarehouseDatabase database, TimeProvider time, CancellationToken ct)
    {
        var connection = await database.OpenForLoadingAsync(ct);
        try
        {
            return new CrawlStore(database, connection, database.OpenRawStore(), time);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The source's dimension row, and a load batch for what this crawl loads.</summary>
    public Task<(long SourceKey, long BatchKey)> BeginAsync(string sourceCode, string title, CancellationToken ct) => Serialised(async () =>
    {
        var sourceKey = await _writer.SourceAsync(sourceCode, title, "portal", ct);
        var batchKey = await _writer.BeginBatchAsync($"crawl {sourceCode}", ct);
        return (sourceKey, batchKey);
    }, ct);

    /// <summary>The run a kill interrupted (resumed), or a new one.</summary>
    public Task<(long RunKey, bool Resumed)> OpenRunAsync(string sourceCode, CancellationToken ct) => Serialised(async () =>
    {
        var open = await _connection.ExecuteScalarAsync<long?>(new CommandDefinition(Sql.Get("queries/crawl_open_run"), new { SourceCode = sourceCode }, cancellationToken: ct));
        if (open is { } run) return (run, true);
        var created = await _connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql.Get("queries/crawl_insert_run"), new { SourceCode = sourceCode, StartedAt = Now }, cancellationToken: ct));
        return (created, false);
    }, ct);

    /// <summary>
    /// Queues URLs found on <paramref name="foundOn"/> (null for start pages) in run <paramref name="runKey"/>, with
    /// the link's title and the date the list printed beside it (kept as yyyy-MM-dd; null when none).
    /// </summary>
    public Task DiscoverAsync(string sourceCode, long runKey, IEnumerable<(Uri Url, UrlKind Kind, string? Title, DateOnly? ListDate)> urls, Uri? foundOn, CancellationToken ct) => Serialised(async () =>
    {
        await using var tx = await _connection.BeginTransactionAsync(ct);
        foreach (var (url, kind, title, listDate) in urls)
        {
            await _connection.ExecuteAsync(new CommandDefinition(Sql.Get("queries/crawl_discover"),
                new
                {
                    SourceCode = sourceCode, Url = url.AbsoluteUri, Kind = kind.Code(), Title = title, FoundOn = foundOn?.AbsoluteUri,
                    ListDate = listDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), RunKey = runKey,
                }, tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
        return 0;
    }, ct);

    public Task<IReadOnlyList<FrontierUrl>> NextAsync(string sourceCode, long runKey, int limit, CancellationToken ct) => Serialised(async () =>
        (IReadOnlyList<FrontierUrl>)(await _connection.QueryAsync<FrontierRow>(new CommandDefinition(Sql.Get("queries/crawl_next"),
            new { SourceCode = sourceCode, RunKey = runKey, Limit = limit }, cancellationToken: ct))).Select(r => r.ToUrl()).ToList(), ct);

    /// <summary>Records how fetching a URL ended; <paramref name="pageBytes"/> (a list or article page) is kept in the raw store first.</summary>
    public Task CompleteAsync(FrontierUrl url, FetchResult result, UrlState state, UrlOutcome? outcome, string? reason, byte[]? pageBytes, CancellationToken ct) => Serialised(async () =>
    {
        string? sha = null;
        if (pageBytes is not null)
        {
            sha = RawStore.Hash(pageBytes);
            _raw.Put(sha, pageBytes);
            _raw.Commit();
        }

        await CompleteInAsync(null, url, result, state, outcome, reason, sha, ct);
        return 0;
    }, ct);

    /// <summary>
    /// Stores a fetched document as the intake read it: its bytes into the raw store (durable at
    /// once), then its report (or its rejection) and its URL's completion in one transaction.
    /// </summary>
    public Task<LoadOutcome> StoreDocumentAsync(FrontierUrl url, FetchResult result, IntakeDocument document, long batchKey, CancellationToken ct) => Serialised(async () =>
    {
        _writer.Store(document);
        _raw.Commit();
        await using var tx = await _connection.BeginTransactionAsync(ct);
        var outcome = await _writer.LoadAsync(tx, document, batchKey, ct);
        var label = outcome switch
        {
            LoadOutcome.Loaded or LoadOutcome.Superseding or LoadOutcome.History => UrlOutcome.New,
            LoadOutcome.Unchanged => UrlOutcome.Unchanged,
            _ => UrlOutcome.Rejected,
        };
        await CompleteInAsync(tx, url, result, UrlState.Done, label, outcome == LoadOutcome.Rejected ? document.Reading.Rejection : null, document.Document.Sha256, ct);
        await tx.CommitAsync(ct);
        return outcome;
    }, ct);

    /// <summary>
    /// The article page at <paramref name="url"/> as the frontier knows it: the title of its link, the
    /// date its list printed beside it, and its page's bytes from the raw store (null when not fetched
    /// or not kept); null when the frontier has no article at that URL.
    /// </summary>
    public Task<(string? Title, DateOnly? ListDate, byte[]? Page)?> ArticleAsync(string sourceCode, string url, CancellationToken ct) => Serialised<(string? Title, DateOnly? ListDate, byte[]? Page)?>(async () =>
    {
        var row = await _connection.QuerySingleOrDefaultAsync<ArticleRow>(new CommandDefinition(Sql.Get("queries/crawl_article"),
            new { SourceCode = sourceCode, Url = url }, cancellationToken: ct));
        return row is null ? null : (row.Title, row.ListDate is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null, row.Sha256 is { } sha ? _raw.Get(sha) : null);
    }, ct);

    /// <summary>Recomputes 雷同 (when the crawl loaded new reports) and the register (always: a failed crawl is 无法核实) after a crawl.</summary>
    public Task<DerivedSummary> RefreshDerivedAsync(bool reportsChanged, CancellationToken ct) => Serialised(() => new DerivedTables(_database, _time).RefreshAsync(_connection, reportsChanged, ct), ct);

    /// <summary>Bytes kept from an earlier fetch (a list page answered 304 is read from here).</summary>
    public Task<byte[]?> RawAsync(string sha256, CancellationToken ct) => Serialised(() => Task.FromResult(_raw.Get(sha256)), ct);

    /// <summary>URLs of the run handled and known so far, for the live display.</summary>
    public Task<(int Handled, int Known)> ProgressAsync(string sourceCode, long runKey, CancellationToken ct) => Serialised(async () =>
        await _connection.QuerySingleAsync<(int Handled, int Known)>(new CommandDefinition(Sql.Get("queries/crawl_run_progress"), new { SourceCode = sourceCode, RunKey = runKey }, cancellationToken: ct)), ct);

    /// <summary>
    /// Closes a run; <paramref name="failure"/> says why it failed as a whole (null: it did not) and <paramref name="warnings"/>
    /// what it warns about (kept one per line; none: null), for /health.
    /// </summary>
    public Task FinishRunAsync(long runKey, string? failure, IReadOnlyList<string> warnings, CancellationToken ct) => Serialised(async () =>
        await _connection.ExecuteAsync(new CommandDefinition(Sql.Get("queries/crawl_finish_run"),
            new { RunKey = runKey, FinishedAt = Now, Failure = failure, Warnings = warnings.Count == 0 ? null : string.Join('\n', warnings) }, cancellationToken: ct)), ct);

    public Task<(IReadOnlyList<CrawlOutcomeCount> Outcomes, IReadOnlyList<CrawlProblem> Problems)> RunSummaryAsync(string sourceCode, long runKey, CancellationToken ct) => Serialised(async () =>
    {
        var args = new { SourceCode = sourceCode, RunKey = runKey };
        var outcomes = (await _connection.QueryAsync<OutcomeRow>(new CommandDefinition(Sql.Get("queries/crawl_run_outcomes"), args, cancellationToken: ct))).Select(r => r.ToCount()).ToList();
        var problems = (await _connection.QueryAsync<ProblemRow>(new CommandDefinition(Sql.Get("queries/crawl_run_problems"), args, cancellationToken: ct))).Select(r => r.ToProblem()).ToList();
        return ((IReadOnlyList<CrawlOutcomeCount>)outcomes, (IReadOnlyList<CrawlProblem>)problems);
    }, ct);

    public async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        _raw.Dispose();
        await _connection.DisposeAsync();
        _turn.Dispose();
    }

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private Task CompleteInAsync(DbTransaction? tx, FrontierUrl url, FetchResult result, UrlState state, UrlOutcome? outcome, string? reason, string? sha, CancellationToken ct) =>
        _connection.ExecuteAsync(new CommandDefinition(Sql.Get("queries/crawl_complete"), new
        {
            UrlKey = url.UrlKey,
            State = state.Code(),
            Attempts = Math.Max(result.Attempts, 0),
            LastStatus = result.StatusCode is { } code ? (int?)code : null,
            LastReason = reason ?? result.Reason,
            ETag = result.Validators?.ETag,
            LastModified = result.Validators?.LastModified?.ToString("O", CultureInfo.InvariantCulture),
            Sha256 = sha,
            Outcome = outcome?.Code(),
            FetchedAt = result.FetchedAt.UtcDateTime,
        }, tx, cancellationToken: ct));

    // Rows as crawl_url stores them, its kinds, states and outcomes in words (FrontierCodes maps them).
    private sealed record FrontierRow
    {
        public long UrlKey { get; init; }

        public string Url { get; init; } = "";

        public string Kind { get; init; } = "";

        public string? Title { get; init; }

        public string? FoundOn { get; init; }

        public string? ListDate { get; init; }

        public string? Etag { get; init; }

        public string? LastModified { get; init; }

        public string? Sha256 { get; init; }

        public FrontierUrl ToUrl() => new()
        {
            UrlKey = UrlKey, Url = Url, Kind = FrontierCodes.KindOf(Kind), Title = Title, FoundOn = FoundOn,
            ListDate = ListDate is null ? null : DateOnly.ParseExact(ListDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Etag = Etag, LastModified = LastModified, Sha256 = Sha256,
        };
    }

    private sealed record ArticleRow
    {
        public string? Title { get; init; }

        public string? ListDate { get; init; }

        public string? Sha256 { get; init; }
    }

    private sealed record OutcomeRow
    {
        public string Kind { get; init; } = "";

        public string State { get; init; } = "";

        public string Outcome { get; init; } = "";

        public long Urls { get; init; }

        public CrawlOutcomeCount ToCount() => new()
        {
            Kind = FrontierCodes.KindOf(Kind), State = FrontierCodes.StateOf(State), Outcome = FrontierCodes.OutcomeOf(Outcome), Urls = Urls,
        };
    }

    private sealed record ProblemRow
    {
        public string Url { get; init; } = "";

        public string Kind { get; init; } = "";

        public string State { get; init; } = "";

        public string? LastReason { get; init; }

        public CrawlProblem ToProblem() => new() { Url = Url, Kind = FrontierCodes.KindOf(Kind), State = FrontierCodes.StateOf(State), LastReason = LastReason };
    }

    private async Task<T> Serialised<T>(Func<Task<T>> work, CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            return await work();
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Microsoft.Data.SqlClient.SqlException)
        {
            throw _database.Describe(e);
        }
        finally
        {
            _turn.Release();
        }
    }
}
