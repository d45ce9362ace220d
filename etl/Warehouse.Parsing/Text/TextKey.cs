using System.Text;

namespace Warehouse.Parsing.Text;

/// <summary>Folds label text so that layouts compare equal: widths, spaces, punctuation and markup go.</summary>
public static class TextKey
{
    private const string Dropped = "“”\"'‘’、，,.．。；;：:·•*#（）()【】[]《》<>〈〉「」 \t\r\n\u00a0\u3000\u200b\ufeff";

    public static string Of(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (Dropped.Contains(ch) || char.IsWhiteSpace(ch)) continue;
            sb.Append(ch);
        }

        return sb.ToString();
    }

    /// <summary>Width-folded text with runs of white space removed (Chinese needs no spaces).</summary>
    public static string Compact(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsWhiteSpace(ch) || ch is '\u200b' or '\ufeff') continue;
            sb.Append(ch);
        }

        return sb.ToString();
    }

    public static bool HasCjk(string text)
    {
        foreach (var ch in text)
        {
            if (ch is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf') return true;
        }

        return false;
    }
}
