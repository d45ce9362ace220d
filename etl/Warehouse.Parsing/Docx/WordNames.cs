namespace Warehouse.Parsing.Docx;

/// <summary>
/// The namespaces and relationship types of WordprocessingML in both conformance classes:
/// Transitional (what Word writes by default) and Strict (ISO/IEC 29500 Strict, Word's
/// "Strict Open XML Document"), which renames every namespace but keeps the element names.
/// </summary>
internal static class WordNames
{
    public const string Main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string StrictMain = "http://purl.oclc.org/ooxml/wordprocessingml/main";

    public const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string StrictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    /// <summary>Markup compatibility is the same namespace in both classes.</summary>
    public const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    public const string StylesContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";

    /// <summary>The built-in name Word gives the placeholder style in every language; its id is localised ("a3" in Chinese Word).</summary>
    public const string PlaceholderStyleName = "Placeholder Text";

    public const string PlaceholderStyleId = "PlaceholderText";

    public static bool IsMain(string ns) => ns is Main or StrictMain;
}
