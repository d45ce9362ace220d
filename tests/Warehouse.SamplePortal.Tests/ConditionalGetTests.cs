using Shouldly;
using Warehouse.SamplePortal.Hosting;

namespace Warehouse.SamplePortal.Tests;

public sealed class ConditionalGetTests
{
    private const string Tag = "\"0123456789abcdef0123456789abcdef\"";
    private static readonly DateTimeOffset Modified = new(2024, 1, 15, 1, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Tag, null, true)]
    [InlineData("W/" + Tag, null, true)]
    [InlineData("\"other\", " + Tag, null, true)]
    [InlineData("*", null, true)]
    [InlineData("\"other\"", "Mon, 15 Jan 2024 01:30:00 GMT", false)]
    [InlineData(null, "Mon, 15 Jan 2024 01:30:00 GMT", true)]
    [InlineData(null, "Tue, 16 Jan 2024 00:00:00 GMT", true)]
    [InlineData(null, "Sun, 14 Jan 2024 23:59:59 GMT", false)]
    [InlineData(null, "not a date", false)]
    [InlineData(null, null, false)]
    public void Not_modified_follows_rfc_9110(string? ifNoneMatch, string? ifModifiedSince, bool expected) =>
        ConditionalGet.NotModified(ifNoneMatch, ifModifiedSince, Tag, Modified).ShouldBe(expected);
}
