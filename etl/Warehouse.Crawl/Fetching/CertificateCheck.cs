using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Warehouse.Crawl.Sources;

namespace Warehouse.Crawl.Fetching;

/// <summary>
/// Checks a host's TLS certificate when a connection opens. A certificate that cannot be trusted ends the fetch with
/// what is wrong with it and for which host (a <see cref="FetchException"/>, never retried), instead of the handler's
/// bare "SSL connection could not be established". A host a source pinned is trusted by its fingerprint alone.
/// </summary>
/// <remarks>
/// Pins are kept per fetcher by host name (TLS knows no port), because the callback sees the connection, not the
/// request or its source; two sources of one crawl pinning the same host differently get the last pin.
/// </remarks>
internal sealed class CertificateCheck
{
    /// <summary>What the reason of a fetch ended by a certificate starts with.</summary>
    public const string Reason = "证书错误";

    private readonly ConcurrentDictionary<string, CertificatePin> pins = new(StringComparer.OrdinalIgnoreCase);

    public void Pin(CertificatePin pin) => pins[pin.Host] = pin;

    /// <summary>SocketsHttpHandler's RemoteCertificateValidationCallback: true to trust, or a FetchException saying why not.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var host = (sender as SslStream)?.TargetHostName ?? "?";
        var fingerprint = certificate is null ? null : CertificatePin.Hex(certificate.GetCertHash(HashAlgorithmName.SHA256));
        if (pins.TryGetValue(host, out var pin))
        {
            return fingerprint == pin.Sha256
                ? true
                : throw new FetchException(FetchStatus.Failed,
                    $"{Reason}（{host}）：证书指纹（SHA-256 {Show(fingerprint)}）与来源固定的 {pin.Display} 不符 / certificate error for {host}: it does not match the source's pinned fingerprint",
                    FetchBlock.Certificate);
        }

        return errors == SslPolicyErrors.None ? true : throw new FetchException(FetchStatus.Failed, Problem(host, errors, chain, fingerprint), FetchBlock.Certificate);
    }

    /// <summary>What is wrong with a certificate, Chinese first, and how to trust it anyway when it is known to be the portal's.</summary>
    private static string Problem(string host, SslPolicyErrors errors, X509Chain? chain, string? fingerprint)
    {
        var wrong = new List<(string Zh, string En)>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)) wrong.Add(("未出示证书", "no certificate was presented"));
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) wrong.Add(($"证书上的名称不是 {host}", "name mismatch"));
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            foreach (var status in chain?.ChainStatus.Select(s => s.Status).Distinct() ?? [])
            {
                wrong.Add(status switch
                {
                    X509ChainStatusFlags.NotTimeValid => ("证书已过期或尚未生效", "expired or not yet valid"),
                    X509ChainStatusFlags.UntrustedRoot or X509ChainStatusFlags.PartialChain => ("证书链验证不到受信任的根证书（如自签名证书）", "untrusted root"),
                    X509ChainStatusFlags.Revoked => ("证书已被吊销", "revoked"),
                    _ => (status.ToString(), status.ToString()),
                });
            }
        }

        var distinct = wrong.Distinct().ToList();
        var pinHint = fingerprint is null ? "" : $"；如已核实这是该门户的证书，可在来源文件写 tls: {{ pin_sha256: \"{CertificatePin.Colons(fingerprint)}\" }}";
        return $"{Reason}（{host}）：{string.Join("，", distinct.Select(w => w.Zh))}{pinHint} / certificate error for {host}: {string.Join(", ", distinct.Select(w => w.En))}";
    }

    private static string Show(string? fingerprint) => fingerprint is null ? "无" : CertificatePin.Colons(fingerprint);
}
