using Microsoft.Extensions.Logging;
using Warehouse.Export.Digest;

namespace Warehouse.Jobs;

/// <summary>What the jobs write to the log, as source-generated messages (no boxing, no formatting when the level is off).</summary>
internal static partial class JobLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Crawl of {Source} is already running; this run is skipped")]
    public static partial void CrawlAlreadyRunning(this ILogger log, string source);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "抓取 {Source} 失败：{Failure}（{Problems} 个网址失败或被拒）/ crawl failed")]
    public static partial void CrawlFailed(this ILogger log, string source, string failure, int problems);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Crawled {Source}: {New} new, {Unchanged} unchanged, {Rejected} not a report, {Problems} failed or refused")]
    public static partial void Crawled(this ILogger log, string source, int @new, int unchanged, int rejected, int problems);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Digest {Name}: {Outcome}; next due {Next} ({Zone})")]
    public static partial void DigestRan(this ILogger log, string name, DigestOutcome outcome, string next, string zone);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "抓取 {Source} 有警告：{Warnings} / crawl warned")]
    public static partial void CrawlWarned(this ILogger log, string source, string warnings);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Reparsed {Checked} documents: {Changed} changed, {New} newly loaded, {Rejected} now rejected")]
    public static partial void Reparsed(this ILogger log, int @checked, int changed, int @new, int rejected);
}
