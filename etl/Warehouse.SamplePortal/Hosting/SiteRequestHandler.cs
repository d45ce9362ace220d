using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Warehouse.SamplePortal.Content;

namespace Warehouse.SamplePortal.Hosting;

/// <summary>
/// Answers one site's requests: finds the resource, plays the fault the plan gives this attempt,
/// honours If-None-Match and If-Modified-Since, and logs every request before its body goes out
/// (so a client that holds a response always finds its entry).
/// </summary>
/// <param name="stopping">Cancelled when the portal stops, so that a slow response does not hold the shutdown.</param>
internal sealed class SiteRequestHandler(int site, SiteContent content, FaultPlan plan, RequestLog log, TimeProvider time, CancellationToken stopping)
{
    private static readonly byte[] NotFoundBody = "<html><body><h1>404</h1><p>您访问的页面不存在。</p></body></html>\n"u8.ToArray();

    // 加速乐's challenge, shortened: a cookie computed by script, then the same URL again.
    private static readonly byte[] ChallengeBody =
        "<html><head><script>document.cookie='__jsl_clearance=1700000000.1|0|sample;max-age=3600;path=/';location.href=location.pathname+location.search</script></head><body></body></html>\n"u8.ToArray();

    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext ctx)
    {
        var call = new Call(ctx, site, log, time);
        var request = ctx.Request;
        var key = content.Key(request.Path.Value ?? "/", name => request.Query.TryGetValue(name, out var v) ? v.ToString() : null);
        call.Attempt = _attempts.AddOrUpdate(key, 1, (_, n) => n + 1);

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            ctx.Response.Headers.Allow = "GET, HEAD";
            await call.SendAsync(StatusCodes.Status405MethodNotAllowed, [], "text/plain; charset=utf-8", FaultKind.None);
            return;
        }

        var resource = content.Find(key);
        if (resource is null)
        {
            await call.SendAsync(StatusCodes.Status404NotFound, NotFoundBody, Resource.Utf8Html, FaultKind.None);
            return;
        }

        var fault = resource.Kind == ResourceKind.Fixed ? resource.Marks : plan.Decide(site, key, resource.Kind, call.Attempt);
        switch (fault)
        {
            case FaultKind.ServerError:
                var status = FaultPlan.ServerErrorStatus(call.Attempt);
                await call.SendAsync(status, System.Text.Encoding.ASCII.GetBytes($"<html><body><h1>{status}</h1></body></html>\n"), Resource.Utf8Html, fault);
                return;
            case FaultKind.TooManyRequests:
                ctx.Response.Headers.RetryAfter = plan.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await call.SendAsync(StatusCodes.Status429TooManyRequests, "<html><body><h1>429</h1><p>访问过于频繁，请稍后再试。</p></body></html>\n"u8.ToArray(), Resource.Utf8Html, fault);
                return;
            case FaultKind.NotFound:
                await call.SendAsync(StatusCodes.Status404NotFound, NotFoundBody, Resource.Utf8Html, fault);
                return;
            case FaultKind.Challenge:
                await call.SendAsync(521, ChallengeBody, Resource.Utf8Html, fault);
                return;
            case FaultKind.Reset:
                // Dropped before the status line: the client's SendAsync fails, not its read of the body.
                call.Log(0, 0, fault);
                ctx.Abort();
                return;
            case FaultKind.Slow:
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, stopping))
                {
                    try
                    {
                        await Task.Delay(plan.SlowDelay, time, wait.Token);
                    }
                    catch (OperationCanceledException) when (wait.IsCancellationRequested)
                    {
                        // 499: the client left first (nginx's code); 0: the portal stopped and dropped the connection.
                        call.Log(ctx.RequestAborted.IsCancellationRequested ? 499 : 0, 0, fault);
                        ctx.Abort();
                        return;
                    }
                }

                break;
        }

        if (resource.Location is not null)
        {
            ctx.Response.Headers.Location = resource.Location;
            await call.SendAsync(StatusCodes.Status302Found, resource.Body, resource.ContentType, fault);
            return;
        }

        var headers = ctx.Response.Headers;
        headers.ETag = resource.ETag;
        headers.LastModified = resource.LastModified.ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        if (resource.ContentDisposition is not null) headers.ContentDisposition = resource.ContentDisposition;
        var contentType = fault == FaultKind.WrongContentType ? plan.WrongContentType(site, key) : resource.ContentType;

        if (ConditionalGet.NotModified(request.Headers.IfNoneMatch, request.Headers.IfModifiedSince, resource.ETag, resource.LastModified))
        {
            await call.SendAsync(StatusCodes.Status304NotModified, [], null, fault);
            return;
        }

        if (fault == FaultKind.Truncate && !HttpMethods.IsHead(request.Method))
        {
            // The full length is promised and half is sent. Returning short makes Kestrel close the
            // connection after the bytes sent (FIN); HttpContext.Abort() would send a reset, and a reset
            // makes the client's kernel drop what it had not read yet, so the half would not arrive.
            ctx.Response.StatusCode = StatusCodes.Status200OK;
            ctx.Response.ContentType = contentType;
            ctx.Response.ContentLength = resource.Body.Length;
            var half = resource.Body.Length / 2;
            call.Log(StatusCodes.Status200OK, half, fault);
            await ctx.Response.Body.WriteAsync(resource.Body.AsMemory(0, half), ctx.RequestAborted);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            return;
        }

        await call.SendAsync(StatusCodes.Status200OK, resource.Body, contentType, fault);
    }

    /// <summary>One request's state: what to log, and the writing of a whole response.</summary>
    private sealed class Call(HttpContext ctx, int site, RequestLog log, TimeProvider time)
    {
        private readonly DateTimeOffset _received = time.GetUtcNow();

        public int Attempt { get; set; }

        public async Task SendAsync(int status, byte[] body, string? contentType, FaultKind fault)
        {
            var response = ctx.Response;
            response.StatusCode = status;
            var withBody = status != StatusCodes.Status304NotModified && !HttpMethods.IsHead(ctx.Request.Method);
            if (status != StatusCodes.Status304NotModified)
            {
                if (contentType is not null) response.ContentType = contentType;
                response.ContentLength = body.Length;
            }

            Log(status, withBody ? body.Length : 0, fault);
            if (withBody) await response.Body.WriteAsync(body, ctx.RequestAborted);
        }

        public void Log(int status, long bytes, FaultKind fault)
        {
            var request = ctx.Request;
            var path = request.Path.Value ?? "/";
            log.Add(new RequestLogEntry(
                _received, time.GetUtcNow(), site, ctx.Connection.LocalPort, request.Method, path + request.QueryString.Value,
                Header(request, HeaderNames.IfNoneMatch), Header(request, HeaderNames.IfModifiedSince), Header(request, HeaderNames.UserAgent),
                Attempt, status, bytes, fault, path.StartsWith(CommonResources.Disallowed, StringComparison.Ordinal)));
        }

        private static string? Header(HttpRequest request, string name) =>
            request.Headers.TryGetValue(name, out var v) ? v.ToString() : null;
    }
}
