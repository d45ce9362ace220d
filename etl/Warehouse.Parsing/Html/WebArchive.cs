using System.Text;
using MimeKit;

namespace Warehouse.Parsing.Html;

/// <summary>
/// A web page saved with its pictures as one file (MHTML: a browser's "网页，单个文件 (*.mht)", Chromium's "Webpage,
/// Single File"): a MIME message whose first HTML part is the page, in base64 or quoted-printable. The page is
/// read as any page; its charset is the part's, and the page's own declaration after it. MimeKit reads the MIME.
/// </summary>
public static class WebArchive
{
    /// <summary>
    /// Whether the bytes are a web archive: their first 2 KB, as ASCII, hold a MIME header ("MIME-Version:") and a
    /// multipart/related content type, before any HTML tag.
    /// </summary>
    public static bool IsWebArchive(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 2048)]);
        var tag = head.IndexOf('<', StringComparison.Ordinal);
        var version = head.IndexOf("MIME-Version:", StringComparison.OrdinalIgnoreCase);
        var related = head.IndexOf("multipart/related", StringComparison.OrdinalIgnoreCase);
        // "From: <Saved by Blink>" holds a '<' before the headers it opens.
        var beforeTags = tag < 0 || head.StartsWith("From: <Saved by", StringComparison.OrdinalIgnoreCase) || (version < tag && related < tag);
        return version >= 0 && related >= 0 && beforeTags;
    }

    /// <summary>The archive's page: its decoded bytes and the charset its MIME part names (null when none); null when it holds no HTML part or cannot be read.</summary>
    public static (byte[] Html, string? Charset)? Page(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes.ToArray(), writable: false);
            var message = MimeMessage.Load(stream);
            var part = message.BodyParts.OfType<MimePart>().FirstOrDefault(p => p.ContentType.IsMimeType("text", "html"));
            if (part?.Content is null) return null;
            using var html = new MemoryStream();
            part.Content.DecodeTo(html);
            return (html.ToArray(), part.ContentType.Charset);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
