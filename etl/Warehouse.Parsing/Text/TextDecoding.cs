using System.Text;
using System.Text.RegularExpressions;
using UtfUnknown;

namespace Warehouse.Parsing.Text;

/// <summary>
/// Turns bytes into text. County portals serve GBK and GB2312 as often as UTF-8, and their
/// declared charset is sometimes wrong: a web server's default (iso-8859-1, windows-1252,
/// us-ascii) over GBK bytes, utf-8 over GBK, gb2312 over UTF-8. So valid UTF-8 wins over any
/// declaration; a declaration (HTTP Content-Type, then the page's meta) is trusted unless it
/// cannot decode the bytes or is a single-byte Western charset over bytes that are not ASCII;
/// then detection decides when it names a multi-byte encoding, and GB18030 reads Chinese text.
/// </summary>
public static partial class TextDecoding
{
    static TextDecoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback);
    }

    /// <summary>GB18030 is a superset of GBK and GB2312; decoding with it reads all three.</summary>
    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset, bool lookForMeta)
    {
        if (TwiceEncoded(bytes) && Undone(Encoding.UTF8.GetString(StripBom(bytes)), lookForMeta) is { } undone) return undone;
        var encoding = Choose(bytes, declaredCharset, lookForMeta, wantText: true, out var text);
        return text ?? encoding.GetString(StripBom(bytes));
    }

    /// <summary>
    /// True when the bytes are UTF-8 of the Latin-1 range and almost nothing else ("Ã¦Â\u0094Â¿" for
    /// the bytes of 政): the form of text decoded twice (see <see cref="Undone"/>). Chinese in GBK
    /// uses a few thousand byte pairs, never only those that open with C2 or C3.
    /// </summary>
    private static bool TwiceEncoded(ReadOnlySpan<byte> bytes)
    {
        int latin = 0, other = 0;
        while (!bytes.IsEmpty)
        {
            if (bytes[0] < 0x80)
            {
                bytes = bytes[1..];
                continue;
            }

            var status = System.Text.Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done && (rune.Value <= 0xFF || Windows1252Only(rune))) latin++;
            else if (++other > 64 && other * 10 >= latin) return false;
            bytes = bytes[Math.Max(consumed, 1)..];
        }

        return latin >= 50 && other * 10 < latin;
    }

    // The characters windows-1252 puts at bytes 80-9F ("€", "‚", "ƒ", …, "Ÿ").
    private static bool Windows1252Only(System.Text.Rune rune)
    {
        if (rune.Value is < 0x100 or > 0xFFFF) return false;
        Span<byte> one = stackalloc byte[4];
        return Windows1252.GetBytes([(char)rune.Value], one) == 1 && one[0] is >= 0x80 and <= 0x9F;
    }

    /// <summary>
    /// Text decoded twice: a tool read the bytes of a Chinese page as ISO-8859-1 or windows-1252 and
    /// wrote what it read as UTF-8 ("æ¿åºä¿¡æ¯å¬å¼" for 政府信息公开). Python's <c>requests</c> does so for
    /// every page whose Content-Type names no charset, and html2text for any page without <c>-utf8</c>.
    /// Those code pages map each byte to one character, so the characters give the bytes back, and
    /// the bytes are decoded as any others (UTF-8, or GBK). Null when the bytes so given back do not
    /// read as Chinese. A character the tool lost (cut inside a cell, now U+FFFD) stays lost.
    /// </summary>
    private static string? Undone(string text, bool lookForMeta)
    {
        var bytes = new List<byte>(text.Length);
        Span<byte> one = stackalloc byte[4];
        foreach (var c in text)
        {
            if (c == '\uFFFD') continue;
            if (c <= 0xFF) bytes.Add((byte)c);
            else if (Windows1252.GetBytes([c], one) == 1 && one[0] != (byte)'?') bytes.Add(one[0]);
            else return null;
        }

        var raw = bytes.ToArray();
        var undone = Decode(raw, null, lookForMeta);
        int chinese = 0, wide = 0;
        foreach (var c in undone)
        {
            if (c < 0x80) continue;
            wide++;
            if (c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFFEF')) chinese++;
        }

        return wide > 0 && chinese * 10 >= wide * 8 ? undone : null;
    }

    // Best fit off: a character that windows-1252 does not hold comes back as "?", never as a look-alike.
    // Set in the static constructor, after the code pages are registered.
    private static readonly Encoding Windows1252;

    public static Encoding Choose(ReadOnlySpan<byte> bytes, string? declaredCharset, bool lookForMeta) =>
        Choose(bytes, declaredCharset, lookForMeta, wantText: false, out _);

    /// <param name="text">The bytes as text when checking the declaration already decoded them, else null.</param>
    private static Encoding Choose(ReadOnlySpan<byte> bytes, string? declaredCharset, bool lookForMeta, bool wantText, out string? text)
    {
        text = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new UTF8Encoding(false);
        if (Utf16(bytes) is { } wide) return wide;
        if (!wantText && System.Text.Unicode.Utf8.IsValid(bytes)) return new UTF8Encoding(false);
        if (wantText && AsUtf8(bytes) is { } utf8)
        {
            text = utf8;
            return new UTF8Encoding(false);
        }

        // Past this point the bytes are not ASCII (ASCII is valid UTF-8).
        Encoding? western = null;
        foreach (var declared in new[] { Named(declaredCharset), lookForMeta ? Named(MetaCharset(bytes)) : null })
        {
            // UTF-16 text is found above (Utf16), and UTF-32 without a byte order mark is sniffed as
            // binary before it gets here, so a page declaring them is ASCII-compatible: the declaration is wrong.
            if (declared is null or UnicodeEncoding or UTF32Encoding || !DecodesCleanly(declared, bytes, out var decoded)) continue;
            if (!IsWestern(declared))
            {
                text = decoded;
                return declared;
            }

            // A server's default rather than the author's choice, unless nothing better is found.
            western ??= declared;
        }

        if (MostlyUtf8(bytes)) return new UTF8Encoding(false);
        var detected = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
        if (detected?.Encoding is { IsSingleByte: false } multiByte && detected.Confidence > 0.5 && multiByte.CodePage != Encoding.UTF8.CodePage) return Widen(multiByte);
        if (LooksChinese(bytes)) return Gb18030;
        if (western is not null) return western;
        if (detected?.Encoding is { } other && detected.Confidence > 0.5 && other.CodePage != Encoding.UTF8.CodePage) return Widen(other);
        return Gb18030;
    }

    /// <summary>
    /// UTF-16 (little- or big-endian) when the bytes are such text: they open with its byte order mark, or, without
    /// one (Python's <c>encode("utf-16-le")</c>, some Windows tools), their first 64 KB hold zero bytes, which no
    /// UTF-8 or GBK text holds, and read in one byte order as text: at least 95 % of the characters Chinese
    /// (CJK ideographs, CJK and full-width punctuation), ASCII letters, digits, punctuation or white space, none a
    /// stray surrogate or a NUL. Null otherwise. Without a mark, ASCII alone is not enough: its byte pairs read
    /// as CJK ideographs in either order.
    /// </summary>
    internal static Encoding? Utf16(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode;
        var sample = bytes[..(Math.Min(bytes.Length, 64 * 1024) & ~1)];
        if (sample.Length < 16 || sample.IndexOf((byte)0) < 0) return null;
        if (ReadsAsText(sample, littleEndian: true)) return Encoding.Unicode;
        return ReadsAsText(sample, littleEndian: false) ? Encoding.BigEndianUnicode : null;
    }

    private static bool ReadsAsText(ReadOnlySpan<byte> sample, bool littleEndian)
    {
        int text = 0, units = sample.Length / 2;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            var c = Unit(sample, i, littleEndian);
            if (c == '\0' || char.IsLowSurrogate(c)) return false;
            if (char.IsHighSurrogate(c))
            {
                // A character beyond the BMP (a rare ideograph) takes two units; the sample may end between them.
                if (i + 3 < sample.Length && !char.IsLowSurrogate(Unit(sample, i + 2, littleEndian))) return false;
                i += 2;
                continue;
            }

            if (c is '\t' or '\n' or '\v' or '\r' or '\f' or '\u0085' or (>= ' ' and <= '~') or (>= '\u4E00' and <= '\u9FFF') or (>= '\u3000' and <= '\u303F')
                or (>= '\uFF00' and <= '\uFFEF') or (>= '\u2000' and <= '\u206F') or '\u00A0' or '\u00B7' or '\u00D7' or (>= '\u2460' and <= '\u24FF')) text++;
        }

        return text * 100 >= units * 95;
    }

    private static char Unit(ReadOnlySpan<byte> bytes, int i, bool littleEndian) =>
        (char)(littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);

    /// <summary>
    /// The bytes as text when they are valid UTF-8 (ASCII included), else null: validated and
    /// decoded in one pass, where checking first and then <c>GetString</c> (count, copy) read them three times.
    /// </summary>
    private static string? AsUtf8(ReadOnlySpan<byte> bytes)
    {
        // UTF-8 never needs more UTF-16 code units than it has bytes.
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes, buffer, out _, out var written, replaceInvalidSequences: false);
            return status == System.Buffers.OperationStatus.Done ? new string(buffer, 0, written) : null;
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// UTF-8 with a few broken sequences: a tool that cuts text by bytes (html2text pads table cells
    /// to a width and splits a character's bytes) leaves a stray byte here and there in UTF-8. GBK
    /// bytes seldom make a valid UTF-8 sequence of three bytes, so many valid ones and few broken
    /// ones are UTF-8; read as GB18030 every character of it would be another one.
    /// </summary>
    private static bool MostlyUtf8(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, broken = 0;
        while (!bytes.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done) broken++;
            else if (rune.Value >= 0x800) valid++;
            bytes = bytes[Math.Max(consumed, 1)..];
        }

        return valid >= 50 && broken * 20 < valid;
    }

    public static Encoding? Named(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        try
        {
            return Widen(Encoding.GetEncoding(charset.Trim().Trim('"', '\'')));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // Unknown names, and UTF-7, which .NET no longer decodes.
            return null;
        }
    }

    // Web servers' defaults, and what HTML5 reads those labels as.
    private static bool IsWestern(Encoding e) => e.CodePage is 20127 or 28591 or 28605 or 1252 or 10000;

    /// <summary>True when the encoding reads every byte sequence; an incomplete sequence at the very end (a cut page) is not an error.</summary>
    /// <param name="text">
    /// The decoded text, so that a trusted declaration costs one decoding instead of three (a check,
    /// then GetString's count and copy); null when bytes are left at the end, which GetString reads
    /// as a replacement character.
    /// </param>
    private static bool DecodesCleanly(Encoding encoding, ReadOnlySpan<byte> bytes, out string? text)
    {
        text = null;
        var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(strict.GetMaxCharCount(bytes.Length));
        try
        {
            var decoder = strict.GetDecoder();
            var length = decoder.GetChars(bytes, chars, flush: false);
            if (Flushed(decoder)) text = new string(chars, 0, length);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>True when the decoder holds nothing back: flushing it gives no more characters.</summary>
    private static bool Flushed(Decoder decoder)
    {
        try
        {
            return decoder.GetCharCount([], flush: true) == 0;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when GB18030 reads the bytes as Chinese: its non-ASCII characters are almost all
    /// ideographs or CJK and full-width punctuation. Western single-byte text does not decode so.
    /// </summary>
    private static bool LooksChinese(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.GetEncoding(Gb18030.CodePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD")).GetString(bytes);
        int wide = 0, chinese = 0, bad = 0;
        foreach (var c in text)
        {
            if (c < 0x80) continue;
            wide++;
            if (c == '\uFFFD') bad++;
            else if (c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFFEF')
                     or '\u2014' or '\u2026' or '\u00B7' or (>= '\u2018' and <= '\u201D')) chinese++;
        }

        return wide > 0 && bad * 100 <= wide && chinese * 10 >= wide * 9;
    }

    /// <summary>The charset a Content-Type header names, or null.</summary>
    public static string? CharsetOf(string? contentType) =>
        contentType is null ? null : CharsetParameter().Match(contentType) is { Success: true } m ? m.Groups[1].Value : null;

    private static Encoding Widen(Encoding e) =>
        e.WebName is "gb2312" or "gbk" or "x-gbk" or "x-cp20936" or "hz-gb-2312" || e.CodePage is 936 or 20936 ? Gb18030 : e;

    // <meta charset>, <meta http-equiv="Content-Type" content="...; charset=...">, or an XHTML page's XML declaration.
    private static string? MetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        return MetaPattern().Match(head) is { Success: true } m ? m.Groups[1].Value
            : XmlDeclarationPattern().Match(head) is { Success: true } x ? x.Groups[1].Value
            : null;
    }

    private static ReadOnlySpan<byte> StripBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..]
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? bytes[2..]
        : bytes;

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaPattern();

    [GeneratedRegex(@"^\s*<\?xml[^>]+encoding\s*=\s*[""']([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex XmlDeclarationPattern();

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();
}
