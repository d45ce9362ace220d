using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Warehouse.Crawl.Tests.Fetching;

namespace Warehouse.Crawl.Tests.Crawling;

/// <summary>
/// A folder served on 127.0.0.1 as a plain static web server serves it (python -m http.server):
/// a path ending in '/' is its folder's index.htm or index.html, a missing file is 404, pages go
/// out as text/html without a charset.
/// </summary>
internal static class StaticSite
{
    public static Task<TestPortal> StartAsync(string root, CancellationToken ct) => TestPortal.StartAsync(app => app.MapGet("/{**path}", (HttpContext context) =>
    {
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "/");
        var file = Path.GetFullPath(Path.Combine(root, path.TrimStart('/')));
        if (path.EndsWith('/')) file = new[] { "index.htm", "index.html" }.Select(i => Path.Combine(file, i)).FirstOrDefault(File.Exists) ?? file;
        if (!file.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal) || !File.Exists(file)) return Results.NotFound();
        var type = Path.GetExtension(file) is ".htm" or ".html" ? "text/html" : "application/octet-stream";
        return Results.Bytes(File.ReadAllBytes(file), type);
    }), ct);

    /// <summary>A folder of the test's fixtures, as copied beside the test assembly.</summary>
    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);
}
