namespace Warehouse.Crawl.Fetching;

/// <summary>
/// The innermost handler, run once per attempt: it counts the attempt and reads the whole body before the
/// attempt ends. Inside the attempt, a body that breaks off (reset, truncated) is a transport error the
/// retry handles, a slow body is cut by the attempt timeout, and the request ends for <see cref="HostGate"/> at the
/// last byte. The attempt waits out whatever is left of the host's delay first (normally nothing: the retry's
/// backoff already covered it).
/// </summary>
internal sealed class BodyHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = RequestState.Of(request);
        var turn = state.Turn ?? throw new InvalidOperationException($"The request to {request.RequestUri} was sent without its host's turn.");
        await turn.BeginRequestAsync(cancellationToken).ConfigureAwait(false);
        state.Attempts++;
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            // Only a 2xx body is kept (and a 412's or 521's, to tell a bot-protection challenge); an error page's or a
            // redirect's is let go now, which frees the connection.
            var body = response.IsSuccessStatusCode || ChallengePage.IsChallengeStatus(response.StatusCode) ? await BodyReader.ReadAsync(response.Content, state, cancellationToken).ConfigureAwait(false) : [];
            response.Content = Buffered(body, response.Content);
            return response;
        }
        catch
        {
            response?.Dispose();
            throw;
        }
        finally
        {
            turn.EndRequest();
        }
    }

    /// <summary>The body as read, under the original content headers less those that described the wire form.</summary>
    private static ByteArrayContent Buffered(byte[] body, HttpContent original)
    {
        var buffered = new ByteArrayContent(body);
        foreach (var (name, values) in original.Headers.NonValidated)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase)) continue;
            buffered.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values);
        }

        original.Dispose();
        return buffered;
    }
}
