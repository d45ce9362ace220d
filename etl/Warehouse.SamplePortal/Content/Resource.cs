using System.Security.Cryptography;

namespace Warehouse.SamplePortal.Content;

/// <summary>One thing a site serves at one URL, rendered once at start.</summary>
/// <param name="ETag">Strong, from the body's SHA-256, quoted.</param>
/// <param name="Location">Set for a 302 redirect.</param>
/// <param name="Marks">The fault a fixed resource is by construction (a redirect loop, an off-host redirect).</param>
internal sealed record Resource(
    ResourceKind Kind,
    byte[] Body,
    string ContentType,
    DateTimeOffset LastModified,
    string ETag,
    string? ContentDisposition = null,
    string? Location = null,
    FaultKind Marks = FaultKind.None)
{
    public const string Utf8Html = "text/html; charset=utf-8";
    public const string GbkHtml = "text/html; charset=gbk";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Pdf = "application/pdf";

    public static Resource Of(ResourceKind kind, byte[] body, string contentType, DateOnly posted, string? contentDisposition = null) =>
        new(kind, body, contentType, LastModifiedOf(posted), ETagOf(body), contentDisposition);

    public static Resource Redirect(string location, FaultKind marks, byte[] body, string contentType) =>
        new(ResourceKind.Fixed, body, contentType, LastModifiedOf(new DateOnly(2020, 1, 1)), ETagOf(body), Location: location, Marks: marks);

    public static string Sha256Hex(byte[] body) => Convert.ToHexStringLower(SHA256.HashData(body));

    private static string ETagOf(byte[] body) => $"\"{Sha256Hex(body)[..32]}\"";

    // Posted at 09:30 Beijing time; HTTP dates have whole seconds, which If-Modified-Since comparisons rely on.
    private static DateTimeOffset LastModifiedOf(DateOnly posted) => new(posted.ToDateTime(new TimeOnly(1, 30)), TimeSpan.Zero);
}
