using System.Globalization;
using System.Text;

namespace Warehouse.Validation.Similarity;

/// <summary>
/// A report's prose as a set of shingles: the hashes of every run of <see cref="Length"/>
/// characters of its text, normalised so that only wording counts. White space, punctuation and
/// symbols are dropped; full-width letters and digits are folded to ASCII; every run of digits
/// becomes one <c>#</c>, so that last year's text with this year's figures is the same text
/// (a copied report changes its numbers and little else). Chinese has no spaces, so the
/// shingles are of characters, not words (Broder, "On the resemblance and containment of
/// documents", 1997; character k-grams as in Leskovec, Rajaraman and Ullman, <i>Mining of
/// Massive Datasets</i>, §3.2).
/// </summary>
public static class ProseShingles
{
    /// <summary>Characters per shingle: five Chinese characters are about two words.</summary>
    public const int Length = 5;

    /// <summary>The text as it is compared: letters and CJK characters, digits runs as <c>#</c>, nothing else.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = text.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(folded.Length);
        var inNumber = false;
        foreach (var c in folded)
        {
            if (char.IsAsciiDigit(c))
            {
                if (!inNumber) result.Append('#');
                inNumber = true;
                continue;
            }

            // A decimal point or thousands separator inside a figure belongs to the figure.
            if (inNumber && c is '.' or ',') continue;
            inNumber = false;
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.OtherLetter or UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.LetterNumber)
            {
                result.Append(char.ToLowerInvariant(c));
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// The distinct shingle hashes of a normalised text, sorted ascending; empty when the text is
    /// shorter than one shingle. 64-bit FNV-1a over the UTF-16 code units: collisions among a
    /// report's few thousand shingles are negligible (about n²/2⁶⁵).
    /// </summary>
    public static ulong[] Of(string normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        if (normalised.Length < Length) return [];
        var hashes = new ulong[normalised.Length - Length + 1];
        for (var i = 0; i < hashes.Length; i++) hashes[i] = Fnv1a(normalised.AsSpan(i, Length));
        Array.Sort(hashes);
        var distinct = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            if (i == 0 || hashes[i] != hashes[distinct - 1]) hashes[distinct++] = hashes[i];
        }

        return hashes[..distinct];
    }

    /// <summary>How many of two sorted shingle sets' members they share (a merge of the two).</summary>
    public static int Shared(ulong[] a, ulong[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    private static ulong Fnv1a(ReadOnlySpan<char> chars)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in chars)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }

        return hash;
    }
}
