using System.Net;
using AngleSharp.Html.Parser;
using Warehouse.Parsing.Text;

namespace Warehouse.Crawl.Fetching;

/// <summary>
/// The pages a portal's bot protection (瑞数/Ruishu, 加速乐/jsl, 安全狗 and other WAFs) answers with instead of the
/// page asked for: a 412 or 521 whose body is a script, or a 200 page that is only a script (it sets a cookie or
/// computes a token, then reloads). A crawler that runs no script never gets past one, so it is a failure to try
/// again on the next run, never a document to store or reject.
/// </summary>
internal static class ChallengePage
{
    /// <summary>What a challenged fetch's reason starts with.</summary>
    public const string Reason = "被网站的反爬虫防护拦截";

    /// <summary>Challenge pages are small; a page larger than this is read as a page.</summary>
    private const int MaxBytes = 256 * 1024;

    /// <summary>412 (瑞数) and 521 (加速乐): statuses whose body is read, to tell a challenge from a plain error.</summary>
    public static bool IsChallengeStatus(HttpStatusCode code) => (int)code is 412 or 521;

    /// <summary>
    /// Whether an answer is a challenge: a 412 or 521 with a script in its body, or a 2xx HTML page with a script and
    /// nothing else a reader could see or follow (no text, link or frame), unless a script holds a report's article
    /// (<see cref="Warehouse.Parsing.Html.ScriptContent"/>).
    /// </summary>
    /// <param name="mediaType">The Content-Type's media type, lower case, or null when none was sent.</param>
    /// <param name="charset">The Content-Type's charset, or null.</param>
    public static bool Is(HttpStatusCode code, string? mediaType, string? charset, byte[] body)
    {
        if (body.Length is 0 or > MaxBytes || mediaType is not (null or "text/html" or "application/xhtml+xml")) return false;
        var document = new HtmlParser().ParseDocument(TextDecoding.Decode(body, charset, lookForMeta: true));
        if (document.Scripts.Length == 0) return false;
        if (IsChallengeStatus(code)) return true;
        if ((int)code is < 200 or > 299 || document.QuerySelector("a[href], frame, iframe, img, embed, object") is not null) return false;
        // A portal whose article a script writes (an empty div#app, the report's HTML in a script): a page to read.
        if (Warehouse.Parsing.Html.ScriptContent.Article(document) is not null) return false;
        foreach (var hidden in document.QuerySelectorAll("script, style, noscript, template, title")) hidden.Remove();
        return string.IsNullOrWhiteSpace(document.DocumentElement.TextContent.Replace('\u00a0', ' '));
    }

    /// <summary>The reason of a challenged fetch, Chinese first, with the status it came with.</summary>
    public static string Describe(HttpResponseMessage response) =>
        $"{Reason}（{Fetching.Describe.Status(response)}，只有脚本的验证页）/ blocked by the site's bot protection (a script-only challenge page)";
}
