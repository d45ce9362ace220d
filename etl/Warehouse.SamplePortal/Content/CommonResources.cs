using System.Globalization;
using System.Net;
using System.Text;
using Warehouse.Corpus;

namespace Warehouse.SamplePortal.Content;

/// <summary>What every site serves whatever its style: robots.txt, the redirects, and bits of article text.</summary>
internal static class CommonResources
{
    /// <summary>The prefix robots.txt disallows; the trap item on every list page lives under it.</summary>
    public const string Disallowed = "/private/";

    /// <summary>A documentation address (RFC 5737, TEST-NET-2): nothing answers there, and a crawler must not try.</summary>
    public const string OffHost = "http://198.51.100.7";

    public const string LoopPath = "/redirect/loop";
    public const string LoopBackPath = "/redirect/loop-back";
    public const string GoPath = "/go";

    public static Encoding Gbk { get; } = LoadGbk();

    public static void AddRobots(SiteContent content) =>
        content.Add("/robots.txt", Resource.Of(ResourceKind.Fixed, Encoding.ASCII.GetBytes($"User-agent: *\nDisallow: {Disallowed}\n"), "text/plain; charset=utf-8", new DateOnly(2020, 1, 1)));

    /// <summary>/redirect/loop and /redirect/loop-back send to each other: a client must give up after a few hops.</summary>
    public static void AddLoop(SiteContent content)
    {
        content.Add(LoopPath, Redirect(LoopBackPath, FaultKind.RedirectLoop));
        content.Add(LoopBackPath, Redirect(LoopPath, FaultKind.RedirectLoop));
    }

    public static string GoUrl(int id) => $"{GoPath}?id={id.ToString(CultureInfo.InvariantCulture)}";

    public static void AddGo(SiteContent content, int id, string location, FaultKind marks)
    {
        content.ChosenBy(GoPath, "id");
        content.Add(GoUrl(id), Redirect(location, marks));
    }

    public static Resource Redirect(string location, FaultKind marks) =>
        Resource.Redirect(location, marks, Encoding.UTF8.GetBytes($"<html><body>302 Found: <a href=\"{E(location)}\">{E(location)}</a></body></html>\n"), Resource.Utf8Html);

    public static string AttachmentType(string layout) => Layouts.Extension(layout) switch
    {
        "docx" => Resource.Docx,
        "pdf" => Resource.Pdf,
        _ => throw new ArgumentException($"Layout '{layout}' is not served as an attachment.", nameof(layout)),
    };

    public static bool IsInline(string layout) => layout is Layouts.HtmlTrs or Layouts.HtmlHanwebGbk;

    public static string AttachmentIntro(string title) => $"现将《{E(title)}》予以公开，详见附件。";

    /// <summary>The body of a notice: plain paragraphs, no table, nothing a report parser would take for a report.</summary>
    public static string NoticeParagraphs(string title, string site, DateOnly posted) =>
        $"<p>{E(title)}</p>\n" +
        "<p>各乡镇人民政府，各有关单位：</p>\n" +
        "<p>为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步提升政务公开工作水平，现将有关事项通知如下。</p>\n" +
        "<p>一、高度重视，加强组织领导。各单位要明确分管领导和具体经办人员。</p>\n" +
        "<p>二、明确责任，抓好工作落实。请于规定时间内报送相关材料。</p>\n" +
        $"<p style=\"text-align:right\">{E(site)}办公室</p>\n<p style=\"text-align:right\">{Date(posted, "yyyy年M月d日")}</p>\n";

    public static string TrapParagraphs(string title) =>
        $"<p>{E(title)}</p>\n<p>内部审核稿，未经批准不得公开。</p>\n";

    public static string E(string text) => WebUtility.HtmlEncode(text);

    public static string Date(DateOnly d, string format) => d.ToString(format, CultureInfo.InvariantCulture);

    // .NET knows GBK only once the code-page provider is registered; a field initializer would run before a static constructor could do it.
    private static Encoding LoadGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("gbk");
    }
}
