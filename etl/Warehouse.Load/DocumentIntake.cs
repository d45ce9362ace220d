using System.Data.Common;
using System.Diagnostics.Metrics;
using Dapper;
using Warehouse.Data;
using Warehouse.Parsing;

namespace Warehouse.Load;

/// <summary>
/// Where a document's bytes came from, as the path that found them knows it: all that the intake
/// passes on to the parser and the loader besides the bytes. Ingest gives the file path; crawl the
/// URL, the server's Content-Type and charset and the portal's metadata; reparse what the raw store
/// recorded (docs/crawler.md, "Intake").
/// </summary>
/// <param name="Location">The file path (ingest) or the URL after redirects (crawl); stored as <c>raw_document.origin</c>.</param>
/// <param name="ContentType">The HTTP media type, lower case, without parameters (<c>text/html</c>); null for files.</param>
/// <param name="Charset">
/// The charset parameter of the HTTP Content-Type as the server wrote it (<c>gbk</c>); null when none.
/// Given to the parser (<see cref="ParseOptions.Charset"/>), which trusts it before the page's meta charset.
/// </param>
/// <param name="SourceKey">The <c>dim_source</c> row of the files or portal; null on reparse (the raw row keeps its own).</param>
/// <param name="RegionHint">Region code of the portal the document came from; decides repeated county names.</param>
/// <param name="Title">
/// Portal metadata: the article's title (its ArticleTitle meta, the link's title, or its
/// &lt;title&gt;); stored as <c>raw_document.portal_title</c>, and given to the parser as
/// <see cref="ParseOptions.PortalTitle"/>, a title of last resort.
/// </param>
/// <param name="Published">
/// Portal metadata: the date the portal published the article (not the date the report states);
/// stored as <c>raw_document.portal_published</c> and <c>fact_report.portal_published</c>, it
/// judges lateness before the signed date.
/// </param>
/// <param name="PageUrl">Portal metadata: the article page the document hangs from (the page itself, or the page of an attachment); <c>raw_document.portal_url</c>.</param>
/// <param name="LastModified">The HTTP <c>Last-Modified</c> of the document's response; <c>raw_document.http_last_modified</c>.</param>
public sealed record DocumentOrigin(
    string Location,
    string? ContentType = null,
    string? Charset = null,
    long? SourceKey = null,
    string? RegionHint = null,
    string? Title = null,
    DateOnly? Published = null,
    string? PageUrl = null,
    DateTimeOffset? LastModified = null)
{
    /// <summary>What the parser is told about the document: its name, Content-Type, declared charset, region hint and portal title.</summary>
    /// <param name="maxBytes">Documents larger than this are refused unread, in bytes.</param>
    public ParseOptions ParseOptions(long maxBytes) => new(Location, ContentType, RegionHint, maxBytes, Charset: Charset, PortalTitle: Title);

    /// <summary>The portal's metadata, or null when the origin carries none (files).</summary>
    public PortalMetadata? Portal => new PortalMetadata(PageUrl, Title, Published, LastModified).OrNull();
}

/// <summary>
/// A document on its way in: its bytes, what they are (sniffed once), where they came from, its
/// <c>raw_document</c> row, and what reading it found.
/// </summary>
public sealed record IntakeDocument(byte[] Bytes, DocumentKind Kind, DocumentOrigin Origin, DocumentInfo Document, ReportReading Reading);

/// <summary>
/// The one way a document comes into the warehouse, whichever path found it (ingest, crawl,
/// reparse): <see cref="ReadAsync"/> hashes, sniffs once, parses and checks, on any thread; then
/// <see cref="IntakeWriter"/> stores the bytes and loads the reading on the writer's connection.
/// Parsing stays pure: the parser gets the bytes, their kind and <see cref="DocumentOrigin.ParseOptions"/>.
/// </summary>
/// <param name="maxBytes">Documents larger than this are refused unread, in bytes.</param>
public sealed class DocumentIntake(DocumentReader reader, long maxBytes = ParseOptions.DefaultMaxBytes)
{
    /// <summary>The meter of the intake's counters: <c>Warehouse.Load</c>.</summary>
    public const string MeterName = "Warehouse.Load";

    /// <summary>The counter of documents read by the intake: unit {document}, tagged <c>kind</c>, <c>content_type</c> and <c>charset</c> (as declared, or null).</summary>
    public const string DocumentCounterName = "warehouse.intake.documents";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Documents = Meter.CreateCounter<long>(DocumentCounterName, "{document}", "Documents read by the intake, by kind and declared Content-Type and charset");

    /// <summary>The intake with the default parser and rules, and the default size limit.</summary>
    public static DocumentIntake Default { get; } = new(DocumentReader.Default);

    /// <summary>
    /// Hashes the bytes, sniffs them (unless <paramref name="kind"/> says what they are already),
    /// then parses and checks them with what <paramref name="origin"/> tells. Never throws for bad
    /// input: the reading's rejection says why.
    /// </summary>
    /// <param name="kind"><see cref="DocumentSniffer.Sniff"/> of these very bytes when the caller has sniffed them (the crawler, to tell a page from a document); null: sniffed here.</param>
    /// <param name="known">Hashes of documents read before: such a document is hashed and sniffed but not read (its reading is a rejection "known", which the loader records as unchanged).</param>
    public async Task<IntakeDocument> ReadAsync(byte[] bytes, DocumentOrigin origin, CancellationToken ct, DocumentKind? kind = null, IReadOnlySet<string>? known = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(origin);
        var sniffed = kind ?? DocumentSniffer.Sniff(bytes);
        var document = new DocumentInfo(RawStore.Hash(bytes), origin.Location, MediaType(sniffed), bytes.Length, origin.SourceKey, origin.RegionHint, origin.Portal);
        if (known?.Contains(document.Sha256) == true)
        {
            return new IntakeDocument(bytes, sniffed, origin, document, new ReportReading(origin.Location, ParseResult.Reject("known"), []));
        }

        Documents.Add(1, new("kind", sniffed.ToString()), new("content_type", origin.ContentType), new("charset", origin.Charset));
        var reading = await reader.ReadAsync(bytes, sniffed, origin.Location, origin.ParseOptions(maxBytes), ct);
        if (reading.Report is null) reading = reading with { Named = ReportName.Find(origin.Title, FileName(origin.Location)) };

        // A saved portal page or crawler text ingested as a file states the day the portal published
        // it: that date, not only the signature's, judges lateness, as for a crawled page.
        if (origin.Published is null && reading.Report is not null && reading.Parse.PageDate is { } day)
        {
            document = document with { Portal = (origin.Portal ?? new PortalMetadata(null, null, null, null)) with { Published = day } };
        }

        return new IntakeDocument(bytes, sniffed, origin, document, reading);
    }

    /// <summary>The file name without its extension, of a path or of a URL's path (unescaped: portals name files in Chinese).</summary>
    private static string FileName(string location) =>
        Path.GetFileNameWithoutExtension(Uri.TryCreate(location, UriKind.Absolute, out var url) && !url.IsFile ? Uri.UnescapeDataString(url.AbsolutePath) : location);

    /// <summary>The media type stored for a document of this kind (<c>raw_document.media_type</c>).</summary>
    public static string MediaType(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "application/pdf",
        DocumentKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentKind.Html => "text/html",
        DocumentKind.Text => "text/plain",
        DocumentKind.Mhtml => "multipart/related",
        DocumentKind.LegacyOffice or DocumentKind.EncryptedOffice => "application/msword",
        DocumentKind.OtherZip => "application/zip",
        _ => "application/octet-stream",
    };
}

/// <summary>
/// The writing half of the intake, over one connection: a load batch and source to write under, a
/// document's bytes into the raw store (<see cref="Store"/>), then its report or rejection in the
/// caller's transaction (<see cref="LoadAsync"/>). The caller commits the raw store before that
/// transaction, so that no fact cites bytes not stored. One thread at a time, like its connection.
/// </summary>
public sealed class IntakeWriter(DbConnection connection, SqlScripts sql, RawStore raw, TimeProvider time) : IDisposable
{
    /// <summary>The loader on this connection, for what a reparse does besides loading (replace, remove).</summary>
    public ReportLoader Loader { get; } = new(connection, sql, time);

    /// <summary>A new <c>load_batch</c> row for what <paramref name="command"/> loads; its key.</summary>
    public Task<long> BeginBatchAsync(string command, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.Get("queries/insert_load_batch"), new { Command = command, StartedAt = Now }, cancellationToken: ct));

    /// <summary>Marks a load batch finished now.</summary>
    public Task FinishBatchAsync(long batchKey, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(sql.Get("queries/finish_load_batch"), new { BatchKey = batchKey, FinishedAt = Now }, cancellationToken: ct));

    /// <summary>The <c>dim_source</c> row of the files or portal the documents come from (created or renamed); its key.</summary>
    /// <param name="kind"><c>files</c> or <c>portal</c>.</param>
    public Task<long> SourceAsync(string code, string name, string kind, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.Get("queries/upsert_dim_source"), new { SourceCode = code, Name = name, Kind = kind }, cancellationToken: ct));

    /// <summary>Puts the document's bytes into the raw store's open batch (durable at its next <see cref="RawStore.Commit"/>): whatever becomes of the report, the document is kept.</summary>
    public void Store(IntakeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        raw.Put(document.Document.Sha256, document.Bytes);
    }

    /// <summary>Loads the document's reading (or records its rejection) inside <paramref name="tx"/>; its bytes must be stored already.</summary>
    public Task<LoadOutcome> LoadAsync(DbTransaction tx, IntakeDocument document, long batchKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Loader.LoadAsync(tx, document.Reading, document.Document, batchKey, ct);
    }

    public void Dispose() => Loader.Dispose();

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
