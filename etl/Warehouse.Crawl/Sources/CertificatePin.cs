using System.Globalization;

namespace Warehouse.Crawl.Sources;

/// <summary>
/// A host whose TLS certificate is trusted by its SHA-256 fingerprint alone (a portal whose chain cannot be
/// verified), as a source's <c>tls: { pin_sha256: … }</c> declares it. Any other certificate from that host is refused.
/// </summary>
/// <param name="Host">The host name, lower case, without port (as TLS names it).</param>
/// <param name="Sha256">The fingerprint of the certificate's DER bytes: 64 upper-case hex digits, without colons.</param>
public sealed record CertificatePin(string Host, string Sha256)
{
    /// <summary>The fingerprint as browsers show it: <c>AB:CD:…</c>.</summary>
    public string Display => Colons(Sha256);

    /// <summary>64 hex digits, with or without colons or spaces between the pairs, as upper-case hex; null when it is not that.</summary>
    public static string? Fingerprint(string text)
    {
        var hex = text.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit) ? hex : null;
    }

    /// <summary>A SHA-256 hash as <c>AB:CD:…</c>.</summary>
    public static string Colons(string hex) =>
        string.Join(':', Enumerable.Range(0, hex.Length / 2).Select(i => hex.Substring(i * 2, 2)));

    /// <summary>Hash bytes as 64 upper-case hex digits.</summary>
    public static string Hex(byte[] hash) => Convert.ToHexString(hash).ToUpper(CultureInfo.InvariantCulture);
}
