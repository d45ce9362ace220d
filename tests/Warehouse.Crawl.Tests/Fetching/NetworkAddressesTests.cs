using System.Net;
using Shouldly;

namespace Warehouse.Crawl.Tests.Fetching;

public sealed class NetworkAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("100.64.0.1", "shared (carrier-grade NAT)")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fc00::1", "private (unique local)")]
    [InlineData("fd12:3456::1", "private (unique local)")]
    [InlineData("fec0::1", "site-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("64:ff9b::7f00:1", "loopback")]
    [InlineData("2002:c0a8:0101::1", "private")]
    public void Non_public_addresses_are_named(string address, string kind)
    {
        NetworkAddresses.Restriction(IPAddress.Parse(address)).ShouldBe(kind);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("192.169.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("202.96.134.133")]
    [InlineData("2400:3200::1")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2002:0808:0808::1")]
    public void Public_addresses_pass(string address)
    {
        NetworkAddresses.Restriction(IPAddress.Parse(address)).ShouldBeNull();
    }
}
