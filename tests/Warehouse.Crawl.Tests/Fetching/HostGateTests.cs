using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Warehouse.Crawl.Tests.Fetching;

/// <summary>
/// Delays are checked on a fake clock (FakeTimeProvider): exact, and independent of the machine's load. Only
/// "one at a time" and cancellation use the real clock, and only as a bound on how long to wait for a task.
/// </summary>
public sealed class HostGateTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(150);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_turn_at_a_time_per_host()
    {
        var gate = new HostGate(TimeProvider.System);
        var first = await gate.EnterAsync("a.example", TimeSpan.Zero, Ct);

        var second = gate.EnterAsync("a.example", TimeSpan.Zero, Ct);
        await Task.Delay(100, Ct);
        second.IsCompleted.ShouldBeFalse();

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5), Ct)).Dispose();
    }

    [Fact]
    public async Task The_next_turn_starts_no_sooner_than_the_delay_after_the_last_request_ended()
    {
        var (gate, clock) = Gate();
        using (var turn = await gate.EnterAsync("a.example", Delay, Ct))
        {
            await turn.BeginRequestAsync(Ct);
            clock.Advance(TimeSpan.FromMilliseconds(100)); // a slow answer: the delay counts from its end
            turn.EndRequest();
        }

        var next = gate.EnterAsync("a.example", Delay, Ct);

        await WaitsExactly(next, Delay, clock);
        (await next).Dispose();
    }

    [Fact]
    public async Task Requests_within_a_turn_keep_the_delay_between_them()
    {
        var (gate, clock) = Gate();
        using var turn = await gate.EnterAsync("a.example", Delay, Ct);
        await turn.BeginRequestAsync(Ct);
        turn.EndRequest();

        await WaitsExactly(turn.BeginRequestAsync(Ct), Delay, clock);
    }

    [Fact]
    public async Task A_deferred_request_waits_the_longer_of_the_delay_and_the_deferral()
    {
        var (gate, clock) = Gate();
        using var turn = await gate.EnterAsync("a.example", TimeSpan.FromMilliseconds(20), Ct);
        await turn.BeginRequestAsync(Ct);
        turn.EndRequest();
        turn.DeferNextRequest(Delay);

        await WaitsExactly(turn.BeginRequestAsync(Ct), Delay, clock);
    }

    [Fact]
    public async Task The_longer_of_the_last_and_the_next_delay_is_kept()
    {
        var (gate, clock) = Gate();
        using (var turn = await gate.EnterAsync("a.example", Delay, Ct))
        {
            await turn.BeginRequestAsync(Ct);
            turn.EndRequest();
        }

        var next = gate.EnterAsync("a.example", TimeSpan.Zero, Ct);

        await WaitsExactly(next, Delay, clock);
        (await next).Dispose();
    }

    private static (HostGate Gate, FakeTimeProvider Clock) Gate()
    {
        var clock = new FakeTimeProvider();
        return (new HostGate(clock), clock);
    }

    /// <summary>
    /// The wait is still pending a millisecond before <paramref name="wait"/> has passed on the fake clock, and is
    /// over once it has. The clock moves only when the test moves it, so load on the machine cannot change the answer.
    /// </summary>
    private static async Task WaitsExactly(Task waiting, TimeSpan wait, FakeTimeProvider clock)
    {
        clock.Advance(wait - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50, Ct); // room for a continuation that should not run
        waiting.IsCompleted.ShouldBeFalse($"the wait ended before {wait.TotalMilliseconds} ms had passed");

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5), Ct);
    }

    [Fact]
    public async Task A_turn_that_sent_nothing_does_not_delay_the_next()
    {
        var gate = new HostGate(TimeProvider.System);
        (await gate.EnterAsync("a.example", TimeSpan.FromHours(1), Ct)).Dispose();

        (await gate.EnterAsync("a.example", TimeSpan.FromHours(1), Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct)).Dispose();
    }

    [Fact]
    public async Task Other_hosts_do_not_wait_for_a_busy_one()
    {
        var gate = new HostGate(TimeProvider.System);
        using var busy = await gate.EnterAsync("a.example", TimeSpan.FromHours(1), Ct);
        await busy.BeginRequestAsync(Ct);

        using var other = await gate.EnterAsync("b.example", TimeSpan.FromHours(1), Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);
    }

    [Fact]
    public async Task Ports_of_one_address_are_different_hosts_and_names_ignore_case()
    {
        var gate = new HostGate(TimeProvider.System);
        using var first = await gate.EnterAsync("127.0.0.1:5001", TimeSpan.Zero, Ct);
        using var otherPort = await gate.EnterAsync("127.0.0.1:5002", TimeSpan.Zero, Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);

        using var upper = await gate.EnterAsync("A.EXAMPLE", TimeSpan.Zero, Ct);
        var lower = gate.EnterAsync("a.example", TimeSpan.Zero, Ct);
        await Task.Delay(50, Ct);
        lower.IsCompleted.ShouldBeFalse();
        upper.Dispose();
        (await lower.WaitAsync(TimeSpan.FromSeconds(5), Ct)).Dispose();
    }

    [Fact]
    public async Task A_caller_that_gives_up_waiting_leaves_the_gate_usable()
    {
        var gate = new HostGate(TimeProvider.System);
        var holder = await gate.EnterAsync("a.example", TimeSpan.Zero, Ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var waiting = gate.EnterAsync("a.example", TimeSpan.Zero, cancel.Token);
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(waiting);

        holder.Dispose();
        (await gate.EnterAsync("a.example", TimeSpan.Zero, Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct)).Dispose();
    }
}
