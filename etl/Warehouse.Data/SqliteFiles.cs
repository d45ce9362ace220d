using System.Diagnostics;
using Microsoft.Data.Sqlite;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Warehouse.Data;

/// <summary>
/// SQLite files as the reading commands open them (read-only, nothing written), and the lock
/// waits of every connection said aloud rather than silent.
/// </summary>
internal static class SqliteFiles
{
    /// <summary>How long a connection waits for a lock before it says that it is waiting.</summary>
    private static readonly TimeSpan QuietWait = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Opens <paramref name="file"/> read-only and runs <paramref name="setup"/> (pragmas) on it.
    /// A WAL database on a read-only disk cannot be read the ordinary way when its <c>-shm</c>
    /// file is gone (SQLite must create it); as nobody can write there either, it is then opened
    /// as immutable (<c>?immutable=1</c>), which needs no <c>-shm</c>.
    /// </summary>
    /// <exception cref="SqliteException">The file cannot be opened or read even so.</exception>
    /// <param name="waiting">Said (to <paramref name="notice"/>) when a lock is waited for, as <see cref="SayWhenWaiting"/>.</param>
    public static async Task<SqliteConnection> OpenReadOnlyAsync(string file, int lockWaitSeconds, string setup, Action<string>? notice, string waiting, CancellationToken ct)
    {
        try
        {
            return await TryOpenAsync(file, lockWaitSeconds, setup, notice, waiting, ct);
        }
        catch (SqliteException) when (Writable.WhyNot(file) is not null)
        {
            var immutable = new Uri(Path.GetFullPath(file)).AbsoluteUri + "?immutable=1";
            return await TryOpenAsync(immutable, lockWaitSeconds, setup, notice, waiting, ct);
        }
    }

    /// <summary>
    /// Makes <paramref name="connection"/> wait up to <paramref name="seconds"/> for another
    /// process's lock (as <c>busy_timeout</c> would), calling <paramref name="notice"/> with
    /// <paramref name="message"/> once when a wait has lasted a second, so that a user is never
    /// left before a command that seems to hang. SQLitePCLRaw does not bind
    /// <c>sqlite3_busy_handler</c>, so it is called in the same native library directly.
    /// </summary>
    public static void SayWhenWaiting(SqliteConnection connection, int seconds, Action<string>? notice, string message)
    {
        var waiter = new Waiter(TimeSpan.FromSeconds(Math.Max(1, seconds)), notice, message);
        Waiters.AddOrUpdate(connection, waiter);
        var handle = GCHandle.Alloc(waiter, GCHandleType.Weak);
        connection.StateChange += (_, e) =>
        {
            if (e.CurrentState == System.Data.ConnectionState.Closed && handle.IsAllocated) handle.Free();
        };
        var rc = sqlite3_busy_handler(connection.Handle!.DangerousGetHandle(), Handler, GCHandle.ToIntPtr(handle));
        if (rc != 0) throw new SqliteException($"sqlite3_busy_handler failed ({rc})", rc);
    }

    // The waiter of each open connection, alive as long as its connection; the native side holds a weak handle to it.
    private static readonly ConditionalWeakTable<SqliteConnection, Waiter> Waiters = new();

    private static readonly BusyHandler Handler = OnBusy;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int BusyHandler(IntPtr state, int count);

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_busy_handler(IntPtr db, BusyHandler handler, IntPtr state);

    /// <summary>SQLite's busy callback: 1 to try again (after a short sleep), 0 to give up with SQLITE_BUSY.</summary>
    private static int OnBusy(IntPtr state, int count)
    {
        if (GCHandle.FromIntPtr(state).Target is not Waiter w) return 0;
        if (count == 0) w.Started = Stopwatch.GetTimestamp();
        var waited = Stopwatch.GetElapsedTime(w.Started);
        if (waited >= w.Limit) return 0;
        if (!w.Said && waited >= QuietWait && w.Notice is not null)
        {
            w.Said = true;
            try
            {
                w.Notice(w.Message);
            }
            catch (Exception)
            {
                // A notice that cannot be written must not unwind through SQLite's native frames.
            }
        }

        Thread.Sleep(count < 10 ? 5 : 50);
        return 1;
    }

    private sealed class Waiter(TimeSpan limit, Action<string>? notice, string message)
    {
        public TimeSpan Limit => limit;

        public Action<string>? Notice => notice;

        public string Message => message;

        public long Started { get; set; }

        public bool Said { get; set; }
    }

    private static async Task<SqliteConnection> TryOpenAsync(string source, int lockWaitSeconds, string setup, Action<string>? notice, string waiting, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = lockWaitSeconds };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(ct);
            SayWhenWaiting(connection, lockWaitSeconds, notice, waiting);
            using var command = connection.CreateCommand();

            // Reading the schema makes SQLite open the WAL index: a failure shows here, not later.
            command.CommandText = $"pragma query_only = 1; {setup} select count(*) from sqlite_master;";
            await command.ExecuteScalarAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
