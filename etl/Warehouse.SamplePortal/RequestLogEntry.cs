namespace Warehouse.SamplePortal;

/// <summary>One request a site answered (or dropped).</summary>
/// <param name="Received">UTC, when the request reached the handler (100 ns resolution).</param>
/// <param name="Responded">UTC, when the response was sent: before its body was written, so a client holding the response always finds the entry.</param>
/// <param name="Site">The site's index in <see cref="SamplePortal.Sites"/>.</param>
/// <param name="PathAndQuery">As the client sent it.</param>
/// <param name="Attempt">How many requests of this URL the site has seen, this one included (from 1).</param>
/// <param name="Status">The status sent; 0 when the connection was dropped with no response (<see cref="FaultKind.Reset"/>), 499 when the client left first.</param>
/// <param name="BytesSent">Body bytes written: half the body for a truncated response, 0 for HEAD and 304.</param>
/// <param name="Fault">The fault this request played, if any.</param>
/// <param name="Disallowed">The path is one robots.txt disallows: a polite crawler never asks for it.</param>
public sealed record RequestLogEntry(
    DateTimeOffset Received,
    DateTimeOffset Responded,
    int Site,
    int Port,
    string Method,
    string PathAndQuery,
    string? IfNoneMatch,
    string? IfModifiedSince,
    string? UserAgent,
    int Attempt,
    int Status,
    long BytesSent,
    FaultKind Fault,
    bool Disallowed);
