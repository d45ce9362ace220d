using System.Globalization;
using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace Warehouse.Parsing.Pdf;

/// <summary>
/// Mends the text that PdfPig (0.1.16) loses when a literal string in a page's content stream begins with the bytes
/// FE FF or FF FE. PdfPig takes those two bytes for the byte-order mark of a UTF-16 text string, as in the document's
/// metadata, and <c>Tj</c>, <c>'</c> and <c>"</c> show the decoded text instead of the string's bytes: "(\376\377)Tj"
/// shows nothing, a longer string other glyphs (PdfPig issue 688, https://github.com/UglyToad/PdfPig/issues/688).
/// Content strings are glyph codes, not text: a font that Ghostscript's pdfwrite (and the virtual printers built on
/// it) re-encoded with one byte a glyph gives its 255th and 256th glyphs the codes FE and FF, and a table cell whose
/// two characters are those glyphs ("规章") vanished. A hexadecimal string keeps its bytes in every operator, so each
/// such literal string is written again as one ("&lt;FEFF&gt;Tj"), in an incremental update appended to the file
/// (ISO 32000-1, 7.5.6): the original bytes stay as they are, and only the content streams that held such a string
/// are replaced.
/// </summary>
public static class MarkedStringRepair
{
    /// <summary>
    /// The document with every content string that begins with FE FF or FF FE written as a hexadecimal string, or null
    /// when it holds none (the usual case), is encrypted (a new stream would have to be encrypted too) or has no
    /// cross-reference offset at its end to append an update to.
    /// </summary>
    /// <param name="pdf">The document opened from <paramref name="bytes"/>.</param>
    /// <param name="bytes">The file's bytes.</param>
    public static byte[]? Repair(PdfDocument pdf, byte[] bytes)
    {
        if (pdf.Structure.Trailer.EncryptionToken is not null || LastCrossReferenceOffset(bytes) is not { } previous) return null;
        var mended = new Dictionary<IndirectReference, (DictionaryToken Dictionary, byte[] Content)>();
        var seen = new HashSet<IndirectReference>();
        if (pdf.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Pages, out var root)) VisitPages(pdf, root, null, seen, mended, depth: 0);
        return mended.Count == 0 ? null : Append(bytes, pdf, mended, previous);
    }

    /// <summary>
    /// Whether the page (its dictionary, as PdfPig laid it out) draws a literal string that begins with FE FF or FF FE,
    /// in its content streams or its forms: the reader asks page by page, so that a document is searched only as far
    /// as it is read (searching every page of a 277-page bundle first cost 15 % of its parse), and mends the document
    /// (<see cref="Repair"/>) at the first such page.
    /// </summary>
    public static bool Holds(PdfDocument pdf, DictionaryToken page)
    {
        var found = new Dictionary<IndirectReference, (DictionaryToken, byte[])>();
        var seen = new HashSet<IndirectReference>();
        if (page.TryGet(NameToken.Contents, out var contents))
        {
            var streams = Resolve(pdf, contents) is ArrayToken array ? array.Data : [contents];
            foreach (var stream in streams.OfType<IndirectReferenceToken>()) Visit(pdf, stream.Data, seen, found);
        }

        if (found.Count == 0 && Inherited(pdf, page) is { } resources) VisitForms(pdf, resources, seen, found, depth: 0);
        return found.Count > 0;
    }

    // The page's resources, inherited from the page tree when the page has none of its own.
    internal static DictionaryToken? Inherited(PdfDocument pdf, DictionaryToken node)
    {
        for (var depth = 0; depth < 64; depth++)
        {
            if (node.TryGet(NameToken.Resources, out var own) && Resolve(pdf, own) is DictionaryToken resources) return resources;
            if (!node.TryGet(NameToken.Parent, out var parent) || Resolve(pdf, parent) is not DictionaryToken up) return null;
            node = up;
        }

        return null;
    }

    // The pages under a node of the page tree (read from its dictionaries: PdfPig's GetPage would lay each page out),
    // with the resources they inherit.
    private static void VisitPages(PdfDocument pdf, IToken token, DictionaryToken? inherited, HashSet<IndirectReference> seen,
        Dictionary<IndirectReference, (DictionaryToken, byte[])> mended, int depth)
    {
        if (depth > 64 || (token is IndirectReferenceToken reference && !seen.Add(reference.Data)) || Resolve(pdf, token) is not DictionaryToken node) return;
        var resources = node.TryGet(NameToken.Resources, out var own) && Resolve(pdf, own) is DictionaryToken r ? r : inherited;
        if (node.TryGet(NameToken.Kids, out var kids) && Resolve(pdf, kids) is ArrayToken children)
        {
            foreach (var child in children.Data) VisitPages(pdf, child, resources, seen, mended, depth + 1);
            return;
        }

        if (node.TryGet(NameToken.Contents, out var contents))
        {
            var streams = Resolve(pdf, contents) is ArrayToken array ? array.Data : [contents];
            foreach (var stream in streams.OfType<IndirectReferenceToken>()) Visit(pdf, stream.Data, seen, mended);
        }

        if (resources is not null) VisitForms(pdf, resources, seen, mended, depth: 0);
    }

    private static void VisitForms(PdfDocument pdf, DictionaryToken resources, HashSet<IndirectReference> seen,
        Dictionary<IndirectReference, (DictionaryToken, byte[])> mended, int depth)
    {
        if (depth > 8 || !resources.TryGet(NameToken.Xobject, out var token) || Resolve(pdf, token) is not DictionaryToken xobjects) return;
        foreach (var value in xobjects.Data.Values.OfType<IndirectReferenceToken>())
        {
            if (seen.Contains(value.Data)) continue;
            if (Resolve(pdf, value) is not StreamToken form || !form.StreamDictionary.TryGet(NameToken.Subtype, out var subtype)
                || !NameToken.Form.Equals(subtype)) continue;
            Visit(pdf, value.Data, seen, mended);
            if (form.StreamDictionary.TryGet(NameToken.Resources, out var own) && Resolve(pdf, own) is DictionaryToken inner)
            {
                VisitForms(pdf, inner, seen, mended, depth + 1);
            }
        }
    }

    private static void Visit(PdfDocument pdf, IndirectReference reference, HashSet<IndirectReference> seen,
        Dictionary<IndirectReference, (DictionaryToken, byte[])> mended)
    {
        if (!seen.Add(reference) || pdf.Structure.GetObject(reference).Data is not StreamToken stream) return;
        var content = stream.Decode(pdf.Structure.FilterProvider, pdf.Structure.TokenScanner).ToArray();
        if (Rewrite(content) is { } rewritten) mended[reference] = (stream.StreamDictionary, rewritten);
    }

    internal static IToken? Resolve(PdfDocument pdf, IToken token) =>
        token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;

    /// <summary>
    /// The content stream with each literal string whose bytes begin with FE FF or FF FE written as a hexadecimal
    /// string, or null when it has none. Comments, hexadecimal strings, dictionaries and inline images' data are
    /// passed over as they are.
    /// </summary>
    public static byte[]? Rewrite(ReadOnlySpan<byte> content)
    {
        // Most streams hold neither byte, raw or escaped: no need to read their tokens.
        if (content.IndexOfAny((byte)0xFE, (byte)0xFF) < 0 && content.IndexOf(@"\37"u8) < 0) return null;
        List<(int Start, int End, byte[] Value)>? marked = null;
        var i = 0;
        while (i < content.Length)
        {
            var b = content[i];
            if (b == (byte)'%')
            {
                while (i < content.Length && content[i] is not ((byte)'\r' or (byte)'\n')) i++;
            }
            else if (b == (byte)'(')
            {
                var start = i;
                var value = Literal(content, ref i);
                if (value.Count >= 2 && ((value[0] == 0xFE && value[1] == 0xFF) || (value[0] == 0xFF && value[1] == 0xFE)))
                {
                    (marked ??= []).Add((start, i, value.ToArray()));
                }
            }
            else if (b == (byte)'<')
            {
                if (i + 1 < content.Length && content[i + 1] == (byte)'<') i += 2;
                else
                {
                    while (i < content.Length && content[i] != (byte)'>') i++;
                    i++;
                }
            }
            else if (Regular(b))
            {
                var start = i;
                while (i < content.Length && Regular(content[i])) i++;
                // Inline image data ("BI … ID <bytes> EI") is binary: a "(" in it opens no string.
                if (i - start == 2 && content[start] == (byte)'I' && content[start + 1] == (byte)'D') i = AfterInlineImage(content, i);
            }
            else i++;
        }

        if (marked is null) return null;
        var output = new List<byte>(content.Length + (marked.Count * 8));
        var at = 0;
        foreach (var (start, end, value) in marked)
        {
            output.AddRange(content[at..start]);
            output.Add((byte)'<');
            output.AddRange(Encoding.ASCII.GetBytes(Convert.ToHexString(value)));
            output.Add((byte)'>');
            at = end;
        }

        output.AddRange(content[at..]);
        return [.. output];
    }

    // The bytes of the literal string that opens at i (ISO 32000-1, 7.3.4.2); i ends past its closing parenthesis.
    private static List<byte> Literal(ReadOnlySpan<byte> content, ref int i)
    {
        var value = new List<byte>();
        var depth = 0;
        for (; i < content.Length; i++)
        {
            var b = content[i];
            if (b == (byte)'\\' && i + 1 < content.Length)
            {
                var c = content[++i];
                switch (c)
                {
                    case (byte)'n': value.Add((byte)'\n'); break;
                    case (byte)'r': value.Add((byte)'\r'); break;
                    case (byte)'t': value.Add((byte)'\t'); break;
                    case (byte)'b': value.Add(8); break;
                    case (byte)'f': value.Add(12); break;
                    case (byte)'\r':
                        if (i + 1 < content.Length && content[i + 1] == (byte)'\n') i++;
                        break;
                    case (byte)'\n': break;
                    case >= (byte)'0' and <= (byte)'7':
                        var octal = c - '0';
                        for (var k = 0; k < 2 && i + 1 < content.Length && content[i + 1] is >= (byte)'0' and <= (byte)'7'; k++) octal = (octal * 8) + (content[++i] - '0');
                        value.Add((byte)octal);
                        break;
                    default: value.Add(c); break;
                }

                continue;
            }

            if (b == (byte)'(' && depth++ == 0) continue;
            if (b == (byte)')' && --depth == 0)
            {
                i++;
                return value;
            }

            if (b == (byte)'\r')
            {
                if (i + 1 < content.Length && content[i + 1] == (byte)'\n') i++;
                value.Add((byte)'\n');
            }
            else value.Add(b);
        }

        return value;
    }

    // Past "EI" after an inline image's data: the first "EI" between white space (or at the end).
    private static int AfterInlineImage(ReadOnlySpan<byte> content, int i)
    {
        for (var k = i + 1; k + 1 < content.Length; k++)
        {
            if (content[k] == (byte)'E' && content[k + 1] == (byte)'I' && White(content[k - 1])
                && (k + 2 == content.Length || White(content[k + 2]) || !Regular(content[k + 2])))
            {
                return k + 2;
            }
        }

        return content.Length;
    }

    private static bool White(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    private static bool Regular(byte b) => !White(b) && b is not ((byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
        or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%');

    // The offset after the last "startxref" of the file: where its newest cross-reference section starts.
    private static long? LastCrossReferenceOffset(byte[] bytes)
    {
        var tail = bytes.AsSpan(Math.Max(0, bytes.Length - 2048));
        var at = tail.LastIndexOf("startxref"u8);
        if (at < 0) return null;
        var rest = Encoding.ASCII.GetString(tail[(at + 9)..]).TrimStart();
        var digits = new string(rest.TakeWhile(char.IsAsciiDigit).ToArray());
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset < bytes.Length ? offset : null;
    }

    // The file with an incremental update that replaces each mended stream (compressed again with Flate).
    private static byte[] Append(byte[] bytes, PdfDocument pdf, Dictionary<IndirectReference, (DictionaryToken Dictionary, byte[] Content)> mended, long previous)
    {
        using var output = new MemoryStream(bytes.Length + 4096);
        output.Write(bytes);
        var writer = new TokenWriter();
        var offsets = new SortedDictionary<long, (int Generation, long Offset)>();
        void Ascii(string text) => output.Write(Encoding.ASCII.GetBytes(text));
        Ascii("\n");
        foreach (var (reference, (dictionary, content)) in mended)
        {
            using var packed = new MemoryStream();
            using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(content);
            var entries = dictionary.Data
                .Where(e => e.Key is not ("Length" or "Filter" or "DecodeParms" or "DL"))
                .ToDictionary(e => NameToken.Create(e.Key), e => e.Value);
            entries[NameToken.Length] = new NumericToken(packed.Length);
            entries[NameToken.Filter] = NameToken.FlateDecode;
            offsets[reference.ObjectNumber] = (reference.Generation, output.Position);
            Ascii(string.Create(CultureInfo.InvariantCulture, $"{reference.ObjectNumber} {reference.Generation} obj\n"));
            writer.WriteToken(new DictionaryToken(entries), output);
            Ascii("\nstream\n");
            output.Write(packed.GetBuffer(), 0, (int)packed.Length);
            Ascii("\nendstream\nendobj\n");
        }

        var xref = output.Position;
        var table = new StringBuilder("xref\n0 1\n0000000000 65535 f\r\n");
        foreach (var (number, (generation, offset)) in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} {generation:D5} n\r\n");
        }

        var trailer = pdf.Structure.Trailer;
        var size = Math.Max(trailer.Size, (int)offsets.Keys.Max() + 1);
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size} /Root {trailer.Root.ObjectNumber} {trailer.Root.Generation} R");
        if (trailer.Info is IndirectReferenceToken info) table.Append(CultureInfo.InvariantCulture, $" /Info {info.Data.ObjectNumber} {info.Data.Generation} R");
        table.Append(CultureInfo.InvariantCulture, $" /Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n");
        Ascii(table.ToString());
        return output.ToArray();
    }
}
