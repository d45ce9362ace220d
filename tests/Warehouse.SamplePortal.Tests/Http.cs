using System.Text;

namespace Warehouse.SamplePortal.Tests;

/// <summary>Plain clients for the tests: no redirects followed unless asked, nothing cached, GBK known.</summary>
internal static class Http
{
    public static Encoding Gbk { get; } = LoadGbk();

    public static HttpClient Client(bool followRedirects = false) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = followRedirects,
        MaxAutomaticRedirections = 5,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
    })
    {
        Timeout = TimeSpan.FromSeconds(20),
    };

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<string> TextAsync(HttpResponseMessage response, Encoding encoding) =>
        encoding.GetString(await response.Content.ReadAsByteArrayAsync(Ct));

    // .NET knows GBK only once the code-page provider is registered; a field initializer would run before a static constructor could do it.
    private static Encoding LoadGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("gbk");
    }
}
