using System.Text;
using System.Text.RegularExpressions;
using UtfUnknown;

namespace Warehouse.Parsing.Text;

/// <summary>
/// Turns bytes into text. County portals serve GBK and GB2312 as often as UTF-8, and their
/// declared charset is sometimes wrong, so valid UTF-8 wins over any declaration, and the
/// declaration wins over detection.
/// </summary>
public static partial class TextDecoding
{
    static TextDecoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>GB18030 is a superset of GBK and GB2312; decoding with it reads all three.</summary>
    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset, bool lookForMeta) =>
        Choose(bytes, declaredCharset, lookForMeta).GetString(StripBom(bytes));

    public static Encoding Choose(ReadOnlySpan<byte> bytes, string? declaredCharset, bool lookForMeta)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new UTF8Encoding(false);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode;
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return new UTF8Encoding(false);

        var declared = Named(declaredCharset) ?? (lookForMeta ? Named(MetaCharset(bytes)) : null);
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage) return declared;

        var detected = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
        if (detected?.Encoding is { } enc && detected.Confidence > 0.5 && enc.CodePage != Encoding.UTF8.CodePage) return Widen(enc);
        return Gb18030;
    }

    public static Encoding? Named(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        try
        {
            return Widen(Encoding.GetEncoding(charset.Trim().Trim('"', '\'')));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The charset a Content-Type header names, or null.</summary>
    public static string? CharsetOf(string? contentType) =>
        contentType is null ? null : CharsetParameter().Match(contentType) is { Success: true } m ? m.Groups[1].Value : null;

    private static Encoding Widen(Encoding e) =>
        e.WebName is "gb2312" or "gbk" or "x-gbk" or "x-cp20936" or "hz-gb-2312" || e.CodePage is 936 or 20936 ? Gb18030 : e;

    private static string? MetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        return MetaPattern().Match(head) is { Success: true } m ? m.Groups[1].Value : null;
    }

    private static ReadOnlySpan<byte> StripBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..]
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? bytes[2..]
        : bytes;

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaPattern();

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();
}
