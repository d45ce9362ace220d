namespace Warehouse.Parsing.Text;

/// <summary>
/// Whether a character is one a mainland report is written in. A report's Chinese is all but wholly the 6,763
/// characters of GB 2312 (names add a rare one now and then). A PDF font without a usable ToUnicode map gives its glyph
/// numbers as characters, and glyph numbers of a Chinese font fall in the high half of the Basic Multilingual Plane:
/// CJK Extension A, the unified ideographs beyond GB 2312, Yi, Hangul syllables, the private use area
/// ("䖺䎎⯥氳⛣糋꺙건": Ghostscript's print of a print, whose font kept no map).
/// </summary>
internal static class WrittenChinese
{
    // GB 2312's ideographs as GB18030 (a superset that keeps GB 2312's codes) encodes them: rows B0-F7, cells A1-FE.
    private static readonly bool[] Gb2312 = Gb2312Table();

    private static bool[] Gb2312Table()
    {
        var table = new bool[0xA000 - 0x4E00];
        var gb = TextDecoding.Gb18030;
        Span<byte> bytes = stackalloc byte[4];
        Span<char> one = stackalloc char[1];
        for (var c = 0x4E00; c < 0xA000; c++)
        {
            one[0] = (char)c;
            var n = gb.GetBytes(one, bytes);
            table[c - 0x4E00] = n == 2 && bytes[0] is >= 0xB0 and <= 0xF7 && bytes[1] is >= 0xA1 and <= 0xFE;
        }

        return table;
    }

    /// <summary>
    /// True for a character that stands for a glyph number rather than for writing: an ideograph outside GB 2312 (the
    /// unified block U+4E00-U+9FFF or Extension A), a Yi syllable, a Hangul syllable, or a private-use character.
    /// </summary>
    public static bool IsGlyphNumberLike(char c) => c switch
    {
        >= '\u4E00' and <= '\u9FFF' => !Gb2312[c - 0x4E00],
        >= '\u3400' and <= '\u4DBF' => true,
        >= '\uA000' and <= '\uA4CF' => true,
        >= '\uAC00' and <= '\uD7AF' => true,
        >= '\uE000' and <= '\uF8FF' => true,
        _ => false,
    };

    /// <summary>True for an ideograph (the unified block or Extension A), a Yi, Hangul or private-use character.</summary>
    public static bool IsIdeographLike(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uA000' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7AF' or >= '\uE000' and <= '\uF8FF';
}
