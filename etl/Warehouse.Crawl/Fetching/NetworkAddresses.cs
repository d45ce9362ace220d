using System.Net;

namespace Warehouse.Crawl.Fetching;

/// <summary>
/// Addresses a public portal's name must not lead the crawler to: this machine, the local network, and
/// ranges no public server is on. A name that resolves there (by mistake or by DNS rebinding) would make
/// the crawler read internal services.
/// </summary>
internal static class NetworkAddresses
{
    /// <summary>What kind of non-public address this is (<c>loopback</c>, <c>private</c>, <c>link-local</c>, …), or null for a public one.</summary>
    public static string? Restriction(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6) return Restriction(address.MapToIPv4());
        return address.AddressFamily switch
        {
            System.Net.Sockets.AddressFamily.InterNetwork => OfIPv4(address.GetAddressBytes()),
            System.Net.Sockets.AddressFamily.InterNetworkV6 => OfIPv6(address.GetAddressBytes()),
            _ => "non-IP",
        };
    }

    private static string? OfIPv4(ReadOnlySpan<byte> b) => (b[0], b[1], b[2]) switch
    {
        (0, _, _) => "unspecified",
        (10, _, _) => "private",
        (100, >= 64 and <= 127, _) => "shared (carrier-grade NAT)",
        (127, _, _) => "loopback",
        (169, 254, _) => "link-local",
        (172, >= 16 and <= 31, _) => "private",
        (192, 0, 0) => "reserved",
        (192, 0, 2) or (198, 51, 100) or (203, 0, 113) => "documentation",
        (192, 168, _) => "private",
        (198, 18 or 19, _) => "benchmarking",
        ( >= 224 and <= 239, _, _) => "multicast",
        ( >= 240, _, _) => "reserved",
        _ => null,
    };

    private static string? OfIPv6(byte[] b)
    {
        if (b.AsSpan(0, 15).IndexOfAnyExcept((byte)0) < 0) return b[15] switch { 0 => "unspecified", 1 => "loopback", _ => OfIPv4(b.AsSpan(12)) };
        // IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses reach the IPv4 address they embed.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0) return OfIPv4(b.AsSpan(12));
        if (b is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..]) return OfIPv4(b.AsSpan(12));
        // 6to4 (2002:a.b.c.d::/48) tunnels to the IPv4 address in bytes 2 to 5.
        if (b[0] == 0x20 && b[1] == 0x02) return OfIPv4(b.AsSpan(2, 4));
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return "link-local";
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return "site-local";
        if ((b[0] & 0xfe) == 0xfc) return "private (unique local)";
        if (b[0] == 0xff) return "multicast";
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return "documentation";
        return null;
    }
}
