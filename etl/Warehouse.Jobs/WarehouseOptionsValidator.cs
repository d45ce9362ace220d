using System.Globalization;
using Microsoft.Extensions.Options;
using Warehouse.Data;
using Warehouse.Export.Digest;

namespace Warehouse.Jobs;

/// <summary>Settings that were read but cannot work together, each a sentence naming the setting.</summary>
public sealed class WarehouseOptionsValidator : IValidateOptions<WarehouseOptions>
{
    public ValidateOptionsResult Validate(string? name, WarehouseOptions options) =>
        Problems(options).ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;

    private static IEnumerable<string> Problems(WarehouseOptions o)
    {
        if (o.Zone() is null) yield return $"本机不认识时区 Warehouse:TimeZone「{o.TimeZone}」（可写 Asia/Shanghai）。Warehouse:TimeZone '{o.TimeZone}' is not a time zone this machine knows (e.g. Asia/Shanghai)";
        if (o.JobStorage == JobStorageKind.SqlServer && WarehouseTarget.Parse(o.JobsSqlServer).Dialect != Dialect.SqlServer)
        {
            yield return "任务存储设为 sqlserver，却没有 SQL Server 连接字符串（Warehouse:Jobs:SqlServer，或 SQL Server 的 Warehouse:Database）。Warehouse:Jobs:Storage is sqlserver but no SQL Server connection string is set (Warehouse:Jobs:SqlServer or a SQL Server Warehouse:Database)";
        }

        if (o.Jobs.Workers is < 1 or > 64) yield return "Warehouse:Jobs:Workers 应在 1 到 64 之间。Warehouse:Jobs:Workers should be between 1 and 64";
        if (o.Jobs.PollSeconds is < 1 or > 300) yield return "Warehouse:Jobs:PollSeconds 应在 1 到 300 之间。Warehouse:Jobs:PollSeconds should be between 1 and 300";
        var (user, hash) = (o.Dashboard.User, o.Dashboard.PasswordHash);
        if ((user is null) != (hash is null)) yield return "任务面板的 Warehouse:Dashboard:User 和 Warehouse:Dashboard:PasswordHash 须同时设置或都不设（都不设时只接受本机访问）。The job dashboard needs both Warehouse:Dashboard:User and Warehouse:Dashboard:PasswordHash, or neither (then it answers local requests only)";
        if (hash is not null && !PasswordHash.IsHash(hash)) yield return "Warehouse:Dashboard:PasswordHash 不是 ./warehouse serve hash-password 生成的哈希（不可存放密码本身）。Warehouse:Dashboard:PasswordHash is not a hash made by ./warehouse serve hash-password (a password must not be stored as it is)";
        foreach (var problem in SmtpProblems(o.Smtp)) yield return problem;

        for (var i = 0; i < o.Digests.Count; i++)
        {
            var d = o.Digests[i];
            if (d.Name is null)
            {
                yield return $"摘要 Warehouse:Digests:{i} 没有 Name。Warehouse:Digests:{i} has no Name";
                continue;
            }

            if (d.To.Count == 0) yield return $"摘要 {d.Name} 没有收件人（Warehouse:Digests:{i}:To）。Digest {d.Name} has no recipients (Warehouse:Digests:{i}:To)";
            if (d.Cron is null) yield return $"摘要 {d.Name} 没有 Cron（Warehouse:Digests:{i}:Cron）。Digest {d.Name} has no Cron (Warehouse:Digests:{i}:Cron)";
        }

        if (o.Digests.Count > 0 && o.Smtp.Host is null) yield return "已安排摘要，却没有 SMTP 服务器（Warehouse:Smtp:Host 或 WAREHOUSE_SMTP_HOST）。Digests are scheduled but no SMTP server is set (Warehouse:Smtp:Host or WAREHOUSE_SMTP_HOST)";
    }

    /// <summary>The sentence for an SMTP port that is not one (not a number, or out of range).</summary>
    internal static string NotAPort(string port) =>
        $"Warehouse:Smtp:Port（WAREHOUSE_SMTP_PORT）应为端口号，而不是「{port}」。Warehouse:Smtp:Port (WAREHOUSE_SMTP_PORT) should be a port number, not '{port}'";

    private static IEnumerable<string> SmtpProblems(WarehouseOptions.SmtpSection s)
    {
        if (s.Host is null) yield break;
        if (s.Port is < 1 or > 65535)
        {
            yield return NotAPort(s.Port.ToString(CultureInfo.InvariantCulture));
            yield break;
        }

        if (SmtpOptions.ParseSecurity(s.Security) is not { } security)
        {
            yield return $"Warehouse:Smtp:Security（WAREHOUSE_SMTP_SECURITY）「{s.Security.ToLowerInvariant()}」应为 none、starttls、starttls-when-available 或 ssl。Warehouse:Smtp:Security (WAREHOUSE_SMTP_SECURITY) '{s.Security.ToLowerInvariant()}' should be none, starttls, starttls-when-available or ssl";
            yield break;
        }

        if (new SmtpOptions(s.Host, s.Port, security, s.User, s.Password, s.From).Problems() is { Count: > 0 } problems) yield return "SMTP 设置有误：" + string.Join("; ", problems);
    }
}
