using System.Collections.Concurrent;

namespace Warehouse.Crawl.Fetching;

/// <summary>
/// Politeness per host: at most one request in flight, and at least a delay between the END of one request
/// (its last body byte read, or its failure) and the START of the next, retries included. End-to-start
/// rather than start-to-start because a slow portal is a loaded one: the slower it answers, the more rest it
/// gets. Different hosts never wait for each other.
/// </summary>
/// <remarks>
/// A caller holds a <see cref="Turn"/> while it talks to the host, and brackets each request it sends in
/// <see cref="Turn.BeginRequestAsync"/> and <see cref="Turn.EndRequest"/>, so that retries within one turn keep
/// the delay too (and <see cref="Turn.DeferNextRequest"/> adds a server's Retry-After). When requests to one host ask for different delays (two sources sharing a host, a Crawl-delay
/// read later), the longer of the last request's delay and the next one's is kept. Waiters are served in
/// arrival order.
/// </remarks>
public sealed class HostGate(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Lane> lanes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits until the host is free and rested: no other turn is held and the delay since its last request has passed.</summary>
    /// <param name="host">The host key (host, or host:port): what counts as one server.</param>
    /// <param name="delay">The least time between the end of the host's previous request and the start of this turn's requests.</param>
    public async Task<Turn> EnterAsync(string host, TimeSpan delay, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);

        var lane = lanes.GetOrAdd(host, static _ => new Lane());
        await lane.Lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await lane.WaitRestedAsync(delay, time, ct).ConfigureAwait(false);
        }
        catch
        {
            lane.Lock.Release();
            throw;
        }

        return new Turn(lane, delay, time);
    }

    internal sealed class Lane
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        /// <summary>When the host's last request ended (a timestamp of the gate's TimeProvider); null before the first. Read and written under <see cref="Lock"/>.</summary>
        public long? LastEnd { get; set; }

        public TimeSpan LastDelay { get; set; }

        public Task WaitRestedAsync(TimeSpan delay, TimeProvider time, CancellationToken ct)
        {
            if (LastEnd is not { } end) return Task.CompletedTask;
            return WaitUntilAsync(end, delay > LastDelay ? delay : LastDelay, time, ct);
        }
    }

    /// <summary>
    /// Waits until <paramref name="wait"/> has passed since <paramref name="from"/>. Timers may fire a fraction of a
    /// millisecond early; the loop waits out what is left, so the wait is never cut short.
    /// </summary>
    private static async Task WaitUntilAsync(long from, TimeSpan wait, TimeProvider time, CancellationToken ct)
    {
        for (var left = wait - time.GetElapsedTime(from); left > TimeSpan.Zero; left = wait - time.GetElapsedTime(from))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)), time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The right to send requests to one host; the next caller waits until it is disposed.</summary>
    public sealed class Turn : IDisposable
    {
        private readonly Lane lane;
        private readonly TimeSpan delay;
        private readonly TimeProvider time;
        private bool inRequest;
        private (long From, TimeSpan Wait)? deferred;
        private int disposed;

        internal Turn(Lane lane, TimeSpan delay, TimeProvider time)
        {
            this.lane = lane;
            this.delay = delay;
            this.time = time;
        }

        /// <summary>
        /// Waits, if need be, until the delay since the host's last request has passed. The first request of a turn
        /// never waits here (entering did); a retry waits only what its backoff left over.
        /// </summary>
        public async Task BeginRequestAsync(CancellationToken ct)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            await lane.WaitRestedAsync(delay, time, ct).ConfigureAwait(false);
            if (deferred is { } asked) await WaitUntilAsync(asked.From, asked.Wait, time, ct).ConfigureAwait(false);
            deferred = null;
            inRequest = true;
        }

        /// <summary>
        /// Keeps the turn's next request from starting sooner than <paramref name="wait"/> from now, on top of the
        /// host's delay: what a server's Retry-After asks for.
        /// </summary>
        public void DeferNextRequest(TimeSpan wait)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);
            deferred = (time.GetTimestamp(), wait);
        }

        /// <summary>Marks the end of a request (its last byte read, or its failure): the delay counts from now.</summary>
        public void EndRequest()
        {
            lane.LastEnd = time.GetTimestamp();
            lane.LastDelay = delay;
            inRequest = false;
        }

        /// <summary>Gives the host back to the next caller. A request begun and not ended counts as ending now.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0) return;
            if (inRequest) EndRequest();
            lane.Lock.Release();
        }
    }
}
