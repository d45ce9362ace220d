using System.Text;
using System.Xml;

namespace Warehouse.Parsing.Docx;

/// <summary>
/// Walks w:body once with a streaming XmlReader and keeps what Word shows with tracked changes
/// accepted: no deleted or moved-away text, rows or cells; no content-control prompts; no field
/// instructions; no VML copy of a text box. Containers that only wrap runs, paragraphs, rows or
/// cells (w:ins, w:moveTo, w:hyperlink, w:smartTag, w:customXml, w:sdt, w:fldSimple) are read
/// through. Elements are matched in both the Transitional and the Strict namespace.
/// </summary>
/// <param name="placeholderStyles">Ids of the character style Word gives a content control's prompt.</param>
/// <param name="readChunk">Reads the part a w:altChunk names by its relationship id.</param>
internal sealed class BodyReader(XmlReader xml, IReadOnlySet<string> placeholderStyles, Func<string, BodyNode.Chunk> readChunk)
{
    private const int MaxTableDepth = 64;

    private readonly List<BodyNode> _body = [];
    private readonly Stack<Frame> _containers = new();
    private readonly Stack<BodyNode.Table> _tables = new();
    private readonly Stack<ParagraphState> _paragraphs = new();
    private readonly Stack<string> _open = new();
    private readonly HashSet<string> _boxes = [];

    // Each open w:sdt: true once its w:sdtPr says it shows its placeholder.
    private readonly List<bool> _sdts = [];

    // Each open w:r: true when it is styled as placeholder text.
    private readonly List<bool> _runs = [];

    // Each open complex field: true while in its instruction part (before fldChar separate).
    private readonly List<bool> _fields = [];

    private readonly HashSet<string> _moveFromRanges = [];
    private int _boxDepth;

    /// <summary>Where new nodes go (the body or a cell), and how deep in text boxes and paragraphs it opened.</summary>
    private sealed record Frame(List<BodyNode> Nodes, int BoxDepth, int ParagraphDepth);

    private sealed class ParagraphState
    {
        public StringBuilder Text { get; } = new();

        public bool MarkDeleted { get; set; }

        /// <summary>The paragraph holds a picture (DrawingML's a:blip, VML's v:imagedata).</summary>
        public bool Picture { get; set; }
    }

    private bool Hidden =>
        _moveFromRanges.Count > 0 || _sdts.Contains(true) || (_runs.Count > 0 && _runs[^1]) || _fields.Contains(true);

    private List<BodyNode> Container => _containers.Peek().Nodes;

    public List<BodyNode> Read()
    {
        _containers.Push(new Frame(_body, 0, 0));
        var advanced = false;
        while (advanced || xml.Read())
        {
            advanced = xml.NodeType switch
            {
                XmlNodeType.Element => Start(),
                XmlNodeType.EndElement => End(),
                _ => false,
            };
        }

        return _body;
    }

    /// <summary>Handles an element start; true when it consumed the element and the reader already stands on the next node.</summary>
    private bool Start()
    {
        if (xml.NamespaceURI == WordNames.MarkupCompatibility && xml.LocalName == "Fallback")
        {
            // The VML copy of a DrawingML text box: the same text twice.
            xml.Skip();
            return true;
        }

        var empty = xml.IsEmptyElement;
        if (!WordNames.IsMain(xml.NamespaceURI))
        {
            // A picture's image data, in the paragraph that anchors it (a table pasted as a picture).
            if (xml.LocalName is "blip" or "imagedata" && _paragraphs.TryPeek(out var anchor)) anchor.Picture = true;

            if (!empty) _open.Push("");
            return false;
        }

        var name = xml.LocalName;
        var parent = _open.TryPeek(out var p) ? p : "";
        switch (name)
        {
            // Markers: a deleted or moved-away paragraph mark, a deleted row, a deleted cell.
            case "del" or "moveFrom" when parent == "rPr":
                if (Grandparent() == "pPr" && _paragraphs.TryPeek(out var marked)) marked.MarkDeleted = true;
                break;
            case "del" when parent == "trPr":
                if (_tables.TryPeek(out var t) && t.Rows.Count > 0) t.Rows[^1].Deleted = true;
                break;
            case "cellDel" when parent == "tcPr":
                if (_tables.TryPeek(out var tc) && tc.Rows.Count > 0 && tc.Rows[^1].Cells.Count > 0) tc.Rows[^1].Cells[^1].Deleted = true;
                break;

            // Deleted text and the old place of moved text; old formatting (an old run style may be
            // the placeholder style); ruby annotations (pinyin over the base text).
            case "del" or "moveFrom" or "rt"
                or "pPrChange" or "rPrChange" or "tblPrChange" or "tblPrExChange" or "trPrChange" or "tcPrChange"
                or "sectPrChange" or "tblGridChange" or "numberingChange":
                xml.Skip();
                return true;

            case "moveFromRangeStart":
                _moveFromRanges.Add(Id());
                break;
            case "moveFromRangeEnd":
                _moveFromRanges.Remove(Id());
                break;

            case "tbl":
                // Layout tables are read recursively; Word itself stops nesting well before this.
                if (_tables.Count >= MaxTableDepth) throw new DocumentException($"DOCX 中的表格嵌套超过 {MaxTableDepth} 层 (a DOCX with tables nested more than {MaxTableDepth} deep)");
                var table = new BodyNode.Table([]);
                Container.Add(table);
                _tables.Push(table);
                break;
            case "tr" when _tables.TryPeek(out var rows):
                rows.Rows.Add(new BodyNode.Row());
                break;
            case "tc" when _tables.TryPeek(out var cells):
                if (cells.Rows.Count == 0) cells.Rows.Add(new BodyNode.Row());
                var cell = new BodyNode.Cell();
                cells.Rows[^1].Cells.Add(cell);
                _containers.Push(new Frame(cell.Content, _boxDepth, _paragraphs.Count));
                break;
            case "txbxContent":
                _boxDepth++;
                break;
            case "p":
                _paragraphs.Push(new ParagraphState());
                break;
            case "altChunk":
                Container.Add(readChunk(RelationshipId()));
                break;

            case "sdt":
                _sdts.Add(false);
                break;
            case "showingPlcHdr" when parent == "sdtPr" && _sdts.Count > 0:
                _sdts[^1] = IsOn(Attribute("val"));
                break;
            case "r":
                _runs.Add(false);
                break;
            case "rStyle" when parent == "rPr" && Grandparent() == "r" && _runs.Count > 0:
                _runs[^1] = placeholderStyles.Contains(Attribute("val") ?? "");
                break;
            case "fldChar":
                Field(Attribute("fldCharType"));
                break;

            case "t" when !empty && _paragraphs.Count > 0:
                var text = xml.ReadElementContentAsString();
                if (!Hidden) _paragraphs.Peek().Text.Append(text);
                return true;
            case "tab" or "br" or "cr" when parent == "r" && _paragraphs.Count > 0 && !Hidden:
                _paragraphs.Peek().Text.Append(' ');
                break;
        }

        if (empty) Close(name);
        else _open.Push(name);
        return false;
    }

    private bool End()
    {
        _open.Pop();
        if (WordNames.IsMain(xml.NamespaceURI)) Close(xml.LocalName);
        return false;
    }

    /// <summary>What ends with an element, whether written as a start and end tag or as one empty tag.</summary>
    private void Close(string name)
    {
        switch (name)
        {
            case "p":
                EndParagraph();
                break;
            case "txbxContent":
                _boxDepth--;
                break;
            case "tc" when _tables.Count > 0:
                _containers.Pop();
                break;
            case "tbl":
                _tables.Pop();
                break;
            case "sdt" when _sdts.Count > 0:
                _sdts.RemoveAt(_sdts.Count - 1);
                break;
            case "r" when _runs.Count > 0:
                _runs.RemoveAt(_runs.Count - 1);
                break;
        }
    }

    private void Field(string? type)
    {
        switch (type)
        {
            case "begin":
                _fields.Add(true);
                break;
            case "separate" when _fields.Count > 0:
                _fields[^1] = false;
                break;
            case "end" when _fields.Count > 0:
                _fields.RemoveAt(_fields.Count - 1);
                break;
        }
    }

    private void EndParagraph()
    {
        if (!_paragraphs.TryPop(out var state)) return;

        // A field still in its instruction part when its paragraph ends is broken (no separate or
        // end follows in practice): it must not hide the rest of the document.
        while (_fields.Count > 0 && _fields[^1]) _fields.RemoveAt(_fields.Count - 1);

        var text = state.Text.ToString().Trim();
        var frame = _containers.Peek();
        if (_boxDepth > frame.BoxDepth || _paragraphs.Count > frame.ParagraphDepth)
        {
            // A text box's paragraph: its text is not the anchoring paragraph's. The same box is
            // sometimes anchored twice (DrawingML and VML without AlternateContent).
            if (text.Length > 0 && _boxes.Add(text)) Container.Add(new BodyNode.Para(text, InTextBox: true));
            return;
        }

        if (text.Length > 0 || state.MarkDeleted) Container.Add(new BodyNode.Para(text, MarkDeleted: state.MarkDeleted));
        if (state.Picture) Container.Add(new BodyNode.Picture());
    }

    private string Grandparent()
    {
        var i = 0;
        foreach (var name in _open)
        {
            if (i++ == 1) return name;
        }

        return "";
    }

    private string? Attribute(string local) => xml.GetAttribute(local, xml.NamespaceURI);

    // ST_OnOff: an absent value means on; Transitional also writes "on"/"off".
    private static bool IsOn(string? value) => value is null or "true" or "1" or "on";

    private string Id() => Attribute("id") ?? "";

    private string RelationshipId() =>
        xml.GetAttribute("id", WordNames.Relationships) ?? xml.GetAttribute("id", WordNames.StrictRelationships) ?? "";
}
