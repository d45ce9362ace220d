using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;

namespace Warehouse.Crawl.Fetching;

/// <summary>
/// The sockets under the fetcher. Addresses are checked when a connection is opened (ConnectCallback), after
/// DNS, so a name that resolves to a public address when checked and to 127.0.0.1 when used cannot get
/// through. There are two connection pools, one that may reach private addresses (for local test sources)
/// and one that may not, so that a connection opened for one kind of source is never reused by the other.
/// </summary>
internal sealed class PrimaryHandler(CertificateCheck certificates) : HttpMessageHandler
{
    private readonly HttpMessageInvoker publicOnly = new(Sockets(allowPrivate: false, certificates));
    private readonly HttpMessageInvoker anyAddress = new(Sockets(allowPrivate: true, certificates));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        (RequestState.Of(request).Policy.AllowPrivateAddresses ? anyAddress : publicOnly).SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            publicOnly.Dispose();
            anyAddress.Dispose();
        }

        base.Dispose(disposing);
    }

    private static SocketsHttpHandler Sockets(bool allowPrivate, CertificateCheck certificates) => new()
    {
        // Redirects are followed by Fetcher, hop by hop, so that each target's host is checked.
        AllowAutoRedirect = false,
        // Bodies are decompressed by BodyReader, which caps the decompressed size.
        AutomaticDecompression = DecompressionMethods.None,
        // Cookies are kept by Fetcher per host, so that none leaks to another host through a cookie's Domain.
        UseCookies = false,
        // A proxy would be what ConnectCallback connects to, and the target's address would go unchecked.
        UseProxy = false,
        // Portals move between addresses; a pooled connection is reopened (and its address checked again) now and then.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, allowPrivate, ct),
        // A certificate that cannot be trusted is reported as what is wrong with it (or trusted by the source's pin).
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = certificates.Validate },
    };

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowPrivate, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(endPoint.Host, ct).ConfigureAwait(false);
        var usable = allowPrivate ? addresses : addresses.Where(a => NetworkAddresses.Restriction(a) is null).ToArray();
        if (usable.Length == 0)
        {
            var listed = string.Join(", ", addresses.Select(a => $"{NetworkAddresses.Restriction(a)} {a}"));
            throw new FetchException(FetchStatus.Refused,
                $"host {endPoint.Host} resolves to {listed}, which only a local test source may reach");
        }

        Exception? last = null;
        foreach (var address in usable)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        ExceptionDispatchInfo.Throw(last!);
        throw last;
    }
}
