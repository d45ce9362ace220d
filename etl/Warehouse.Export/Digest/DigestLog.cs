using Microsoft.Extensions.Logging;

namespace Warehouse.Export.Digest;

/// <summary>What <see cref="DigestService"/> writes to the log, as source-generated messages (no boxing, no formatting when the level is off).</summary>
internal static partial class DigestLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "摘要 {Key}（{Dashboard}，{Year}年度，{Schedule}）本期（{Period} 起）已于 {SentAt} 发送给 {To}，不再发送；下一期 {Next} / already sent this period (next due then)")]
    public static partial void AlreadySent(this ILogger log, string key, string dashboard, int year, string schedule, string period, object? sentAt, string to, string next);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning,
        Message = "Digest {Key} ({Dashboard} {Year} to {To}): an attempt at {At} ended without knowing whether the server took it; not sending again (a recipient would rather miss one than get two; --resend sends it)")]
    public static partial void OutcomeUnknown(this ILogger log, string key, string dashboard, int year, string to, object? at);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning,
        Message = "摘要 {Key} 应操作员要求（--resend）本期再次发送（上次：{Status}）/ sent again at the operator's request")]
    public static partial void Resending(this ILogger log, string key, string? status);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Digest {Key} is being sent by another process; not sending it here")]
    public static partial void ClaimedElsewhere(this ILogger log, string key);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information,
        Message = "摘要 {Key}（{Dashboard}，{Year}年度）已发送给 {To}（{Server}：{Response}）；下一期 {Next} / sent (next due then)")]
    public static partial void Sent(this ILogger log, string key, string dashboard, int year, string to, string server, string response, string next);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error,
        Message = "Digest {Key} to {To}: the connection to {Server} failed while sending ({Reason}); it may have been delivered, so it will not be sent again automatically")]
    public static partial void MayHaveBeenDelivered(this ILogger log, string key, string to, string server, string reason);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Digest {Key} to {To} not sent: {Server} {Reason}; it will be retried")]
    public static partial void NotSent(this ILogger log, string key, string to, SmtpOptions server, string reason);
}
