using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Warehouse.Data;

/// <summary>
/// Document bytes by their sha256, in a folder beside the warehouse: <c>documents.db</c>, a
/// SQLite file of (sha256, bytes), whatever database the warehouse itself is. A file per
/// document cost about 300 µs of file-system time each on the benchmark machine, more than
/// parsing the document (docs/benchmarks.md); small blobs are faster and safer in SQLite.
/// <para>
/// Writes go into a batch that <see cref="Commit"/> makes durable (synchronous = full). The
/// loader commits it before the warehouse transaction that cites the documents, so a fact never
/// points at bytes that are not stored; a crash in between leaves bytes no fact cites yet, which
/// the next run finds and keeps.
/// </para>
/// </summary>
public sealed class RawStore : IDisposable
{
    private const string Schema = """
        create table if not exists document (
            sha256     text primary key,
            size_bytes integer not null,
            bytes      blob not null,
            stored_at  text not null
        );
        """;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _put;
    private readonly SqliteCommand _get;
    private readonly TimeProvider _time;
    private SqliteTransaction? _batch;

    private RawStore(string directory, SqliteConnection connection, TimeProvider? time = null)
    {
        Directory = directory;
        _time = time ?? TimeProvider.System;
        _connection = connection;
        _put = Command("insert into document (sha256, size_bytes, bytes, stored_at) values (@sha256, @size, @bytes, @at) on conflict (sha256) do nothing;", "@sha256", "@size", "@bytes", "@at");
        _get = Command("select bytes from document where sha256 = @sha256;", "@sha256");
    }

    public string Directory { get; }

    public string File => Path.Combine(Directory, "documents.db");

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Opens (creating when missing) the raw store in <paramref name="directory"/>.</summary>
    /// <param name="lockWaitNotice">Told, once, when a lock of another process has been waited for a second.</param>
    /// <exception cref="WarehouseException">The folder cannot be created or the file cannot be opened, with why.</exception>
    public static RawStore Open(string directory, int lockWaitSeconds = 30, Action<string>? lockWaitNotice = null, TimeProvider? time = null)
    {
        var file = Path.Combine(directory, "documents.db");
        SqliteConnection? connection = null;
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = lockWaitSeconds }.ToString());
            connection.Open();
            SqliteFiles.SayWhenWaiting(connection, lockWaitSeconds, lockWaitNotice, Waiting(file, lockWaitSeconds));
            using (var setup = connection.CreateCommand())
            {
                setup.CommandText = $"pragma journal_mode = wal; pragma synchronous = full; {Schema}";
                setup.ExecuteNonQuery();
            }

            return new RawStore(directory, connection, time);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection?.Dispose();
            throw Describe(file, e);
        }
    }

    /// <summary>
    /// Opens the raw store of a warehouse opened for reading (<c>show</c>): nothing is created or
    /// written, and a store on a read-only disk is read as well.
    /// </summary>
    /// <exception cref="WarehouseException">There is no raw store in <paramref name="directory"/>, or it cannot be read.</exception>
    public static RawStore OpenReadOnly(string directory, int lockWaitSeconds = 30)
    {
        var file = Path.Combine(directory, "documents.db");
        if (!System.IO.File.Exists(file))
        {
            throw new WarehouseException($"原始文件库 {file} 不存在：这个仓库没有保存任何文件的原文。There is no raw store at {file}.");
        }

        try
        {
            var connection = SqliteFiles.OpenReadOnlyAsync(file, lockWaitSeconds, "", null, Waiting(file, lockWaitSeconds), CancellationToken.None).GetAwaiter().GetResult();
            return new RawStore(directory, connection);
        }
        catch (SqliteException e)
        {
            throw Describe(file, e);
        }
    }

    /// <summary>Adds a document to the open batch (nothing when the same bytes are stored already).</summary>
    public void Put(string sha256, byte[] bytes)
    {
        Run(() =>
        {
            _batch ??= _connection.BeginTransaction();
            _put.Transaction = _batch;
            _put.Parameters["@sha256"].Value = sha256;
            _put.Parameters["@size"].Value = bytes.LongLength;
            _put.Parameters["@bytes"].Value = bytes;
            _put.Parameters["@at"].Value = _time.GetUtcNow().UtcDateTime;
            _put.ExecuteNonQuery();
        });
    }

    /// <summary>Makes the documents put so far durable.</summary>
    public void Commit()
    {
        if (_batch is null) return;
        Run(() =>
        {
            _batch.Commit();
            _batch.Dispose();
            _batch = null;
        });
    }

    /// <summary>The bytes stored under <paramref name="sha256"/>, or null.</summary>
    public byte[]? Get(string sha256)
    {
        byte[]? bytes = null;
        Run(() =>
        {
            _get.Transaction = _batch;
            _get.Parameters["@sha256"].Value = sha256;
            bytes = _get.ExecuteScalar() as byte[];
        });
        return bytes;
    }

    public bool Contains(string sha256) => Get(sha256) is not null;

    /// <summary>Closes the store; a batch not committed is rolled back.</summary>
    public void Dispose()
    {
        _batch?.Dispose();
        _put.Dispose();
        _get.Dispose();
        _connection.Dispose();
    }

    private static string Waiting(string file, int seconds) => $"原始文件库 {file} 正被另一个进程锁定，正在等待（最多 {seconds} 秒）…… Waiting for another process's lock on the raw store.";

    private SqliteCommand Command(string text, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = text;
        foreach (var p in parameters) command.Parameters.Add(new SqliteParameter(p, DBNull.Value));
        command.Prepare();
        return command;
    }

    private void Run(Action action)
    {
        try
        {
            action();
        }
        catch (SqliteException e)
        {
            throw Describe(File, e);
        }
    }

    private static WarehouseException Describe(string file, Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: 8 or 10 or 14 } when Writable.WhyNot(file) is { } why => new($"原始文件库 {file} 是只读的（{why}），未做任何改动。The raw store {file} is read-only ({why}); nothing was changed", e),
        SqliteException { SqliteErrorCode: 8 } => new($"原始文件库 {file} 是只读的，未做任何改动。The raw store {file} is read-only; nothing was changed", e),
        SqliteException { SqliteErrorCode: 13 } => new($"存放原始文件库 {file} 的磁盘已满：最后一批文件没有保存，引用它们的报告也没有载入。The disk holding the raw store {file} is full; the documents of the last batch were not stored, and no report citing them was loaded", e),
        SqliteException { SqliteErrorCode: 5 or 6 } => new($"原始文件库 {file} 被另一个进程锁定，等待超时；请待其完成后再试。The raw store {file} is locked by another process; try again when it is done", e),
        SqliteException { SqliteErrorCode: 14 } => new($"无法打开原始文件库 {file}（文件夹不存在或没有权限）。Cannot open the raw store {file} (missing folder or no permission)", e),
        SqliteException { SqliteErrorCode: 26 or 11 } => new($"原始文件库 {file} 不是 SQLite 数据库或已损坏。The raw store {file} is not a SQLite database or is damaged", e),
        _ => new($"原始文件库 {file}：{e.Message}", e),
    };
}
