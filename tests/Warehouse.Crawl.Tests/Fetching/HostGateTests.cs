using System.Diagnostics;
using Shouldly;
using Warehouse.Crawl.Fetching;

namespace Warehouse.Crawl.Tests.Fetching;

/// <summary>
/// Real short delays: every timing checked is a lower bound, which load cannot break. The clock is read just
/// before the call that stamps the gate, so the test never starts counting later than the gate does.
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
        var gate = new HostGate(TimeProvider.System);
        long ended;
        using (var turn = await gate.EnterAsync("a.example", Delay, Ct))
        {
            await turn.BeginRequestAsync(Ct);
            await Task.Delay(100, Ct); // a slow answer: the delay counts from its end
            ended = Stopwatch.GetTimestamp();
            turn.EndRequest();
        }

        using var next = await gate.EnterAsync("a.example", Delay, Ct);

        Stopwatch.GetElapsedTime(ended).ShouldBeGreaterThanOrEqualTo(Delay);
    }

    [Fact]
    public async Task Requests_within_a_turn_keep_the_delay_between_them()
    {
        var gate = new HostGate(TimeProvider.System);
        using var turn = await gate.EnterAsync("a.example", Delay, Ct);
        await turn.BeginRequestAsync(Ct);
        var ended = Stopwatch.GetTimestamp();
        turn.EndRequest();

        await turn.BeginRequestAsync(Ct);

        Stopwatch.GetElapsedTime(ended).ShouldBeGreaterThanOrEqualTo(Delay);
    }

    [Fact]
    public async Task A_deferred_request_waits_the_longer_of_the_delay_and_the_deferral()
    {
        var gate = new HostGate(TimeProvider.System);
        using var turn = await gate.EnterAsync("a.example", TimeSpan.FromMilliseconds(20), Ct);
        await turn.BeginRequestAsync(Ct);
        turn.EndRequest();
        var deferred = Stopwatch.GetTimestamp();
        turn.DeferNextRequest(Delay);

        await turn.BeginRequestAsync(Ct);

        Stopwatch.GetElapsedTime(deferred).ShouldBeGreaterThanOrEqualTo(Delay);
    }

    [Fact]
    public async Task The_longer_of_the_last_and_the_next_delay_is_kept()
    {
        var gate = new HostGate(TimeProvider.System);
        long ended;
        using (var turn = await gate.EnterAsync("a.example", Delay, Ct))
        {
            await turn.BeginRequestAsync(Ct);
            ended = Stopwatch.GetTimestamp();
            turn.EndRequest();
        }

        using var next = await gate.EnterAsync("a.example", TimeSpan.Zero, Ct);

        Stopwatch.GetElapsedTime(ended).ShouldBeGreaterThanOrEqualTo(Delay);
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
