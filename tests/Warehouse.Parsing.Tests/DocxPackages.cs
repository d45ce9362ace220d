using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Warehouse.Parsing.Tests;

/// <summary>Builds and edits DOCX packages at the XML level, to write what Word writes and the SDK cannot.</summary>
internal static class DocxPackages
{
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public static readonly XNamespace Mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private const string Rels = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string Types = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string MainType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    /// <summary>A package holding only a main part with this body XML (w: and r: prefixes declared).</summary>
    public static byte[] Minimal(string bodyXml, string mainPart = "word/document.xml") => Zip(new Dictionary<string, byte[]>
    {
        ["[Content_Types].xml"] = Utf8($"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{Types}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/{mainPart}" ContentType="{MainType}"/></Types>"""),
        ["_rels/.rels"] = Utf8($"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{Rels}"><Relationship Id="rId1" Type="{R.NamespaceName}/officeDocument" Target="{mainPart}"/></Relationships>"""),
        [mainPart] = Utf8($"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W.NamespaceName}" xmlns:r="{R.NamespaceName}" xmlns:mc="{Mc.NamespaceName}"><w:body>{bodyXml}</w:body></w:document>"""),
    });

    /// <summary>Rewrites every entry through <paramref name="edit"/> (name, bytes) → new bytes, or null to keep it.</summary>
    public static byte[] Rewrite(byte[] docx, Func<string, byte[], byte[]?> edit)
    {
        var entries = Unzip(docx);
        foreach (var (name, bytes) in entries.ToList())
        {
            if (edit(name, bytes) is { } changed) entries[name] = changed;
        }

        return Zip(entries);
    }

    public static byte[] EditDocument(byte[] docx, Action<XDocument> edit) =>
        Rewrite(docx, (name, bytes) =>
        {
            if (name != "word/document.xml") return null;
            var doc = Load(bytes);
            edit(doc);
            return Utf8(doc.ToString(SaveOptions.DisableFormatting));
        });

    /// <summary>Adds a part related to the main part, with its content type and relationship.</summary>
    public static byte[] AddPart(byte[] docx, string name, string contentType, byte[] content, string relationshipType, string id)
    {
        var entries = Unzip(docx);
        entries[name] = content;

        var types = Load(entries["[Content_Types].xml"]);
        types.Root!.Add(new XElement(XName.Get("Override", Types), new XAttribute("PartName", "/" + name), new XAttribute("ContentType", contentType)));
        entries["[Content_Types].xml"] = Utf8(types.ToString(SaveOptions.DisableFormatting));

        const string relsName = "word/_rels/document.xml.rels";
        var rels = entries.TryGetValue(relsName, out var existing)
            ? Load(existing)
            : new XDocument(new XElement(XName.Get("Relationships", Rels)));
        rels.Root!.Add(new XElement(XName.Get("Relationship", Rels),
            new XAttribute("Id", id), new XAttribute("Type", relationshipType), new XAttribute("Target", name["word/".Length..])));
        entries[relsName] = Utf8(rels.ToString(SaveOptions.DisableFormatting));
        return Zip(entries);
    }

    public static string DocumentXml(byte[] docx) => Encoding.UTF8.GetString(Unzip(docx)["word/document.xml"]);

    public static Dictionary<string, byte[]> Unzip(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var s = entry.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            entries[entry.FullName] = copy.ToArray();
        }

        return entries;
    }

    public static byte[] Zip(IReadOnlyDictionary<string, byte[]> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            // [Content_Types].xml first, as Word writes it.
            foreach (var (name, bytes) in entries.OrderBy(e => e.Key == "[Content_Types].xml" ? 0 : 1))
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                s.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    // The SDK writes parts with a byte order mark.
    private static XDocument Load(byte[] bytes) => XDocument.Load(new MemoryStream(bytes));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The text of an element as Word's w:t runs hold it.</summary>
    public static string TextOf(XElement e) => string.Concat(e.Descendants(W + "t").Select(t => t.Value));

    public static XElement Run(string text) => new(W + "r", new XElement(W + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), text));

    public static XElement Paragraph(string text) => new(W + "p", Run(text));
}
