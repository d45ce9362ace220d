using Warehouse.Crawl.Sources;

namespace Warehouse.Crawl.Fetching;

/// <summary>
/// The outermost handler: a request waits for its host's turn (<see cref="HostGate"/>) before the resilience
/// pipeline starts, and keeps it through every retry. The wait for the turn is outside both timeouts, so a
/// queue of pages for one host, or a long Crawl-delay, does not time fetches out; the retry delays keep the
/// host's delay between the attempts inside the turn.
/// </summary>
internal sealed class GateHandler(HostGate gate, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = RequestState.Of(request);
        using var turn = await gate.EnterAsync(SourceReader.HostKey(request.RequestUri!), state.Delay, cancellationToken).ConfigureAwait(false);
        state.Turn = turn;
        state.TurnStarted = time.GetTimestamp();
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
