using System.Net;
using System.Text;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Warehouse.Jobs;

namespace Warehouse.Serve;

/// <summary>
/// Who may see the job dashboard: without configured credentials, only requests from this
/// machine; with them, anyone who gives them (HTTP Basic, the password checked against its
/// stored hash). Never anyone, anonymously, from the network.
/// </summary>
public sealed class DashboardAccess(ServeOptions options) : IDashboardAuthorizationFilter
{
    public const string Realm = "Warehouse jobs";

    public bool Authorize(DashboardContext context) => Allows(context.GetHttpContext());

    public bool Allows(HttpContext http)
    {
        if (options.DashboardUser is null || options.DashboardPasswordHash is null) return IsLocal(http.Connection);
        if (Credentials(http.Request) is var (user, password) && user == options.DashboardUser && PasswordHash.Verify(password, options.DashboardPasswordHash)) return true;
        http.Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        return false;
    }

    private static bool IsLocal(ConnectionInfo c) =>
        c.RemoteIpAddress is { } remote && (IPAddress.IsLoopback(remote) || remote.Equals(c.LocalIpAddress));

    private static (string User, string Password)? Credentials(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
