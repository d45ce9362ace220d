using MimeKit;

namespace Warehouse.Corpus;

/// <summary>
/// A portal page saved by a browser as one file with its pictures (MHTML, Chromium's "Webpage, Single File"):
/// a MIME message opened by "From: &lt;Saved by Blink&gt;", the page its first part in quoted-printable, a picture
/// after it. One page in twenty of the <c>html-trs</c> and <c>html-hanweb-gbk</c> layouts is so saved
/// (<see cref="Rate"/>), under its own name. Applied when the corpus is written, after <see cref="Utf16Saving"/>,
/// so the rendered bytes stay as they were.
/// </summary>
public static class WebArchiveSaving
{
    /// <summary>The share of those layouts' pages saved as web archives.</summary>
    public const double Rate = 0.05;

    /// <summary>Whether the layout's pages are ever so saved.</summary>
    public static bool Applies(string layout) => layout is Layouts.HtmlTrs or Layouts.HtmlHanwebGbk;

    /// <summary>The page's bytes as saved: as they are, or as a web archive, drawn from the report's seed.</summary>
    /// <param name="quirkSeed">The generated report's <see cref="GeneratedReport.QuirkSeed"/>: a stream of its own, so its other draws stay.</param>
    public static byte[] Apply(byte[] page, int quirkSeed)
    {
        var rng = new Random(unchecked((quirkSeed * 31) + 19));
        return rng.NextDouble() < Rate ? Archive(page, "https://www.example.gov.cn/zwgk/zfxxgknb/index.htm") : page;
    }

    /// <summary>The page as Chromium saves it with a picture: its bytes in quoted-printable, as they were served (no charset named on the part).</summary>
    public static byte[] Archive(byte[] page, string address)
    {
        var html = new MimePart("text", "html")
        {
            Content = new MimeContent(new MemoryStream(page)),
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
            ContentLocation = new Uri(address),
        };
        var logo = new MimePart("image", "png")
        {
            Content = new MimeContent(new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
            ContentTransferEncoding = ContentEncoding.Base64,
            ContentLocation = new Uri(new Uri(address), "logo.png"),
        };
        // Chromium's boundary form; a fixed one keeps the corpus the same bytes for the same options.
        var related = new Multipart("related") { html, logo };
        related.Boundary = "----MultipartBoundary--WarehouseCorpus----";
        related.ContentType.Parameters.Add("type", "text/html");
        var message = new MimeMessage { Body = related };
        message.Headers.Remove(HeaderId.From);
        message.Headers.Remove(HeaderId.Subject);
        message.Headers.Remove(HeaderId.Date);
        message.Headers.Remove(HeaderId.MessageId);
        message.Headers.Add("Snapshot-Content-Location", address);
        message.Headers.Add(HeaderId.Date, "Fri, 31 Jan 2025 09:00:00 +0800");
        using var output = new MemoryStream();
        output.Write("From: <Saved by Blink>\r\n"u8); // not an address: written as Chromium writes it, outside MimeKit's header list
        message.WriteTo(output);
        return output.ToArray();
    }
}
