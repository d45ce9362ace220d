using System.Globalization;
using MimeKit;

namespace Warehouse.Export.Digest;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    StartTlsWhenAvailable,
    SslOnConnect,
}

/// <summary>The SMTP server digests are sent through. The password is never logged or printed.</summary>
public sealed record SmtpOptions(
    string Host,
    int Port = 25,
    SmtpSecurity Security = SmtpSecurity.StartTlsWhenAvailable,
    string? User = null,
    string? Password = null,
    string From = SmtpOptions.DefaultFrom)
{
    public const string DefaultFrom = "Warehouse <warehouse@localhost>";

    /// <summary>From WAREHOUSE_SMTP_HOST, _PORT, _SECURITY, _USER, _PASSWORD, _FROM; null without a host.</summary>
    /// <exception cref="FormatException">A port or security value that cannot be read.</exception>
    public static SmtpOptions? FromEnvironment()
    {
        static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
        if (Env("WAREHOUSE_SMTP_HOST") is not { } host) return null;
        var port = 25;
        if (Env("WAREHOUSE_SMTP_PORT") is { } p && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new FormatException($"WAREHOUSE_SMTP_PORT '{p}' is not a port number");
        }

        var security = ParseSecurity(Env("WAREHOUSE_SMTP_SECURITY") ?? "starttls-when-available")
            ?? throw new FormatException($"WAREHOUSE_SMTP_SECURITY '{Env("WAREHOUSE_SMTP_SECURITY")}' should be none, starttls, starttls-when-available or ssl");
        return new SmtpOptions(host, port, security, Env("WAREHOUSE_SMTP_USER"), Env("WAREHOUSE_SMTP_PASSWORD"), Env("WAREHOUSE_SMTP_FROM") ?? DefaultFrom);
    }

    public static SmtpSecurity? ParseSecurity(string text) => text.Trim().ToLowerInvariant() switch
    {
        "none" => SmtpSecurity.None,
        "starttls" => SmtpSecurity.StartTls,
        "starttls-when-available" => SmtpSecurity.StartTlsWhenAvailable,
        "ssl" => SmtpSecurity.SslOnConnect,
        _ => null,
    };

    /// <summary>What cannot work, as sentences naming the setting.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Host)) problems.Add("the SMTP host is empty");
        if (Port is < 1 or > 65535) problems.Add($"SMTP port {Port} is not a port number");
        if (!MailboxAddress.TryParse(From, out _)) problems.Add($"the sender '{From}' is not an address (e.g. Warehouse <warehouse@example.gov.cn>)");
        if ((User is null) != (Password is null)) problems.Add("SMTP authentication needs both a user and a password");
        return problems;
    }

    /// <summary>The options as a log may show them: no password.</summary>
    public override string ToString() => $"{Host}:{Port} ({Security}{(User is null ? "" : $", user {User}")})";
}
