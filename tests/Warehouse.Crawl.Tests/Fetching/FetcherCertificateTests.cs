using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Shouldly;
using Warehouse.Crawl.Sources;

namespace Warehouse.Crawl.Tests.Fetching;

/// <summary>
/// A certificate that cannot be trusted is reported as what is wrong with it and for which host, never as a
/// robots.txt problem; a pinned fingerprint trusts that one certificate and no other. HTTPS on 127.0.0.1.
/// </summary>
public sealed class FetcherCertificateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Fetches a page from an HTTPS portal on 127.0.0.1 serving <paramref name="certificate"/>; returns the result and the requests the portal saw.</summary>
    private static async Task<(FetchResult Result, int Hits)> FetchAsync(X509Certificate2 certificate, CertificatePin? pin = null)
    {
        await using var portal = await TestPortal.StartAsync(app => app.MapGet("/ndbg/", () => "column"), Ct, certificate: certificate);
        await using var fetcher = Fetcher.Create(Fast.Options);
        var result = await fetcher.FetchAsync(portal.Url("/ndbg/"), Fast.Policy(portal.Host()) with { PinnedCertificate = pin }, null, Ct);
        return (result, portal.Hits.Count);
    }

    [Fact]
    public async Task A_self_signed_certificate_is_an_untrusted_root_for_its_host_not_a_robots_problem()
    {
        using var certificate = Certificates.SelfSigned("127.0.0.1");
        var (result, hits) = await FetchAsync(certificate);

        result.Status.ShouldBe(FetchStatus.Failed);
        result.Blocked.ShouldBe(FetchBlock.Certificate);
        result.Reason.ShouldNotBeNull().ShouldStartWith("证书错误（127.0.0.1）：证书链验证不到受信任的根证书（如自签名证书）；如已核实这是该门户的证书，可在来源文件写 tls: { pin_sha256: \"");
        result.Reason.ShouldContain(Certificates.Fingerprint(certificate));
        result.Reason.ShouldEndWith("/ certificate error for 127.0.0.1: untrusted root");
        result.Reason.ShouldNotContain("robots");
        hits.ShouldBe(0);
    }

    [Theory]
    [InlineData("www.example.gov.cn", 1, 365, "证书上的名称不是 127.0.0.1", "name mismatch")]
    [InlineData("127.0.0.1", 30, -1, "证书已过期或尚未生效", "expired or not yet valid")]
    public async Task A_certificate_for_another_name_or_out_of_date_says_which(string name, int daysAgo, int daysAhead, string chinese, string english)
    {
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = Certificates.SelfSigned(name, now.AddDays(-daysAgo), now.AddDays(daysAhead));
        var (result, _) = await FetchAsync(certificate);

        result.Blocked.ShouldBe(FetchBlock.Certificate);
        result.Reason.ShouldNotBeNull().ShouldContain(chinese);
        result.Reason.ShouldContain(english);
    }

    [Fact]
    public async Task A_pinned_fingerprint_trusts_that_certificate()
    {
        using var certificate = Certificates.SelfSigned("127.0.0.1");
        var (result, _) = await FetchAsync(certificate, new CertificatePin("127.0.0.1", Certificates.Fingerprint(certificate).Replace(":", "", StringComparison.Ordinal)));

        result.Status.ShouldBe(FetchStatus.Ok);
        result.Bytes.ShouldBe("column"u8.ToArray());
    }

    [Fact]
    public async Task A_pin_refuses_any_other_certificate_of_the_host()
    {
        using var certificate = Certificates.SelfSigned("127.0.0.1");
        var (result, _) = await FetchAsync(certificate, new CertificatePin("127.0.0.1", new string('A', 64)));

        result.Status.ShouldBe(FetchStatus.Failed);
        result.Blocked.ShouldBe(FetchBlock.Certificate);
        result.Reason.ShouldBe($"证书错误（127.0.0.1）：证书指纹（SHA-256 {Certificates.Fingerprint(certificate)}）与来源固定的 {CertificatePin.Colons(new string('A', 64))} 不符 / certificate error for 127.0.0.1: it does not match the source's pinned fingerprint");
    }
}

/// <summary>Self-signed server certificates made in the test.</summary>
internal static class Certificates
{
    /// <summary>A certificate for <paramref name="name"/> (an IP address or a DNS name), valid from a day ago for a year unless told.</summary>
    public static X509Certificate2 SelfSigned(string name, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        if (IPAddress.TryParse(name, out var address)) names.AddIpAddress(address);
        else names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var made = request.CreateSelfSigned(notBefore ?? now.AddDays(-1), notAfter ?? now.AddYears(1));
        // Exported and read back so that Kestrel gets a certificate whose private key every platform can use.
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }

    /// <summary>The certificate's SHA-256 fingerprint as <c>AB:CD:…</c>.</summary>
    public static string Fingerprint(X509Certificate2 certificate) => CertificatePin.Colons(Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)));
}
