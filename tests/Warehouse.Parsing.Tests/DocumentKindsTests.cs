using System.Text;
using System.Xml.Linq;
using CsCheck;
using Shouldly;
using Warehouse.Corpus;
using Warehouse.Parsing.Documents;
using static Warehouse.Parsing.Tests.DocxPackages;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// Every construct Word uses to hold body text, each as a kind: generated reports rewritten into
/// that construct read exactly like the plain document, and small documents pin the reading of
/// each element (as `parse --blocks` prints it: ¶ paragraphs, | table rows |).
/// </summary>
public sealed class DocumentKindsTests
{
    private const string AltChunk = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk";
    private const string PlaceholderSdt = "<w:sdtPr><w:showingPlcHdr/><w:text/></w:sdtPr>";

    private static readonly int[] Reports = [0, 1, 2, 3];

    private static GeneratedReport Generated(int index) => ReportFactory.Create(29, index, 0);

    private static byte[] Docx(int index) => CorpusWriter.Render(Generated(index), Layouts.Docx);

    private static List<string> Lines(byte[] bytes)
    {
        var (document, why) = ReportParser.ReadDocument(bytes, new ParseOptions("test.docx"));
        why.ShouldBeNull();
        return document!.Blocks.Select(b => b switch
        {
            Paragraph p => "¶ " + p.Text,
            TableRow r => "| " + string.Join(" | ", r.Cells) + " |",
            _ => b.ToString(),
        }).ToList();
    }

    private static void ShouldReadLikePlain(Func<byte[], byte[]> rewrite)
    {
        foreach (var index in Reports)
        {
            var plain = Docx(index);
            var changed = rewrite(plain);
            changed.ShouldNotBe(plain);
            Reading.Of(changed, $"report {index}").ShouldReadLike(Reading.Of(plain, $"plain report {index}"));
        }
    }

    private static XElement BodyOf(XDocument doc) => doc.Root!.Element(W + "body")!;

    private static XElement Row(XDocument doc, string label) => doc.Descendants(W + "tr").First(r => TextOf(r).Contains(label, StringComparison.Ordinal));

    // ---- Frame tables ----

    private static void Frame(XDocument doc, int depth, int outside)
    {
        var body = BodyOf(doc);
        var content = body.Elements().Where(e => e.Name != W + "sectPr").Skip(outside).ToList();
        foreach (var e in content) e.Remove();
        object inner = content;
        for (var i = 0; i < depth; i++)
        {
            // A cell ends with a paragraph, as Word requires.
            inner = new XElement(W + "tbl",
                new XElement(W + "tblPr", new XElement(W + "tblBorders", new XElement(W + "top", new XAttribute(W + "val", "double")))),
                new XElement(W + "tr", new XElement(W + "tc", inner, new XElement(W + "p"))));
        }

        if (body.Element(W + "sectPr") is { } section) section.AddBeforeSelf(inner);
        else body.Add(inner);
    }

    [Fact]
    public void Report_in_a_frame_two_deep_reads_like_the_plain_document() =>
        ShouldReadLikePlain(docx => EditDocument(docx, d => Frame(d, depth: 2, outside: 0)));

    [Fact]
    public void Report_in_a_frame_with_its_title_outside_reads_like_the_plain_document() =>
        ShouldReadLikePlain(docx => EditDocument(docx, d => Frame(d, depth: 1, outside: 1)));

    [Fact]
    public void Row_whose_cell_holds_a_table_is_read_as_body_content_in_document_order()
    {
        var docx = Minimal("""
            <w:tbl><w:tr>
              <w:tc><w:p><w:r><w:t>二、主动公开政府信息情况</w:t></w:r></w:p>
                <w:tbl><w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
                <w:p><w:r><w:t>三、收到和处理政府信息公开申请情况</w:t></w:r></w:p></w:tc>
              <w:tc><w:p><w:r><w:t>右栏</w:t></w:r></w:p></w:tc>
            </w:tr></w:tbl>
            """);
        Lines(docx).ShouldBe(["¶ 二、主动公开政府信息情况", "| 规章 | 1 |", "¶ 三、收到和处理政府信息公开申请情况", "¶ 右栏"]);
    }

    [Fact]
    public void One_column_table_of_paragraphs_is_a_frame_but_data_tables_stay_rows()
    {
        var docx = Minimal("""
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:p><w:r><w:t>本年度</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:tbl>
              <w:tr><w:tc><w:p><w:r><w:t>第二十条第（一）项</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:p><w:r><w:t>三、</w:t></w:r></w:p><w:p><w:r><w:t>本年度</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>
            </w:tbl>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>（七）总计</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            """);
        Lines(docx).ShouldBe(["¶ 一、总体情况", "¶ 本年度", "| 第二十条第（一）项 |", "| 三、本年度 | 1 |", "| （七）总计 |"]);
    }

    // ---- Content-control placeholders ----

    private static bool IsZero(XElement cell) => TextOf(cell).Trim() is "0" or "-" or "/" or "";

    [Fact]
    public void Prompts_in_number_and_label_cells_read_as_empty_cells() => ShouldReadLikePlain(docx =>
    {
        // Chinese Word gives the placeholder style a localised id; its built-in name says what it is.
        var styles = Utf8($"""<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W.NamespaceName}"><w:style w:type="character" w:styleId="a3"><w:name w:val="Placeholder Text"/><w:basedOn w:val="a0"/></w:style></w:styles>""");
        docx = AddPart(docx, "word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml", styles,
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "rIdStyles");
        return EditDocument(docx, d =>
        {
            var table = Row(d, "1.属于国家秘密").Parent!;
            var numbers = table.Elements(W + "tr").SelectMany(r => r.Elements(W + "tc").Skip(2)).Where(IsZero).ToList();
            numbers.Count.ShouldBeGreaterThan(9);
            for (var i = 0; i < numbers.Count; i += 3)
            {
                var cell = numbers[i];
                var properties = cell.Element(W + "tcPr");
                switch (i / 3 % 3)
                {
                    case 0: // a block-level content control showing its prompt, as Word inserts it
                        cell.ReplaceNodes(properties, XElement.Parse($"""<w:sdt xmlns:w="{W.NamespaceName}">{PlaceholderSdt}<w:sdtContent><w:p><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>单击或点击此处输入文字。</w:t></w:r></w:p></w:sdtContent></w:sdt>"""));
                        break;
                    case 1: // a cell-level content control around the whole cell, its prompt unstyled
                        cell.ReplaceWith(XElement.Parse($"""<w:sdt xmlns:w="{W.NamespaceName}">{PlaceholderSdt}<w:sdtContent><w:tc>{properties}<w:p><w:r><w:t>Click or tap here to enter text.</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt>"""));
                        break;
                    default: // the control removed, its prompt left in the placeholder style
                        cell.ReplaceNodes(properties, XElement.Parse($"""<w:p xmlns:w="{W.NamespaceName}"><w:r><w:rPr><w:rStyle w:val="a3"/></w:rPr><w:t>单击或点击此处输入文字。</w:t></w:r></w:p>"""));
                        break;
                }
            }

            // The empty label cell beside a reason (the merged group label's continuation).
            var label = Row(d, "2.其他法律行政法规禁止公开").Elements(W + "tc").First();
            TextOf(label).ShouldBeEmpty();
            label.ReplaceNodes(label.Element(W + "tcPr"), XElement.Parse($"""<w:sdt xmlns:w="{W.NamespaceName}">{PlaceholderSdt}<w:sdtContent><w:p><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>单击或点击此处输入文字。</w:t></w:r></w:p></w:sdtContent></w:sdt>"""));
        });
    });

    [Fact]
    public void Content_controls_holding_text_are_read_and_prompts_leave_their_cells_empty()
    {
        var docx = Minimal($"""
            <w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>某局2023年政府信息公开工作年度报告</w:t></w:r></w:p></w:sdtContent></w:sdt>
            <w:p><w:r><w:t>收到申请</w:t></w:r><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>12</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t>件</w:t></w:r></w:p>
            <w:tbl>
              <w:sdt><w:sdtPr/><w:sdtContent><w:tr><w:tc><w:p><w:r><w:t>行政许可</w:t></w:r></w:p></w:tc><w:sdt><w:sdtPr/><w:sdtContent><w:tc><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt>
              <w:sdt>{PlaceholderSdt}<w:sdtContent><w:tr><w:tc><w:p><w:r><w:t>单击或点击此处输入文字。</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>选择一项。</w:t></w:r></w:p></w:tc></w:tr></w:sdtContent></w:sdt>
              <w:tr><w:tc><w:p><w:r><w:t>行政处罚</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>单击或点击此处输入文字。</w:t></w:r></w:p></w:tc></w:tr>
            </w:tbl>
            """);
        Lines(docx).ShouldBe(["¶ 某局2023年政府信息公开工作年度报告", "¶ 收到申请12件", "| 行政许可 | 5 |", "|  |  |", "| 行政处罚 |  |"]);
    }

    // ---- Tracked changes ----

    private static XElement Stale(XElement row)
    {
        // The same row with other numbers: read, it would break the table's arithmetic.
        var copy = new XElement(row);
        foreach (var t in copy.Descendants(W + "t").Where(t => t.Value.Trim().All(char.IsAsciiDigit) && t.Value.Trim().Length > 0)) t.Value = "97";
        return copy;
    }

    private static void MarkRow(XElement row, string change)
    {
        var properties = row.Element(W + "trPr");
        if (properties is null)
        {
            properties = new XElement(W + "trPr");
            if (row.Element(W + "tblPrEx") is { } exceptions) exceptions.AddAfterSelf(properties);
            else row.AddFirst(properties);
        }

        properties.Add(new XElement(W + change, new XAttribute(W + "id", "9" + change.Length), new XAttribute(W + "author", "审核人")));
    }

    private static void WrapRuns(XElement scope, string wrapper, int id)
    {
        foreach (var run in scope.Descendants(W + "r").ToList())
        {
            if (wrapper == "del")
            {
                foreach (var t in run.Elements(W + "t")) t.Name = W + "delText";
            }

            run.ReplaceWith(new XElement(W + wrapper, new XAttribute(W + "id", id++), new XAttribute(W + "author", "审核人"), run));
        }
    }

    [Fact]
    public void Deleted_rows_cells_and_text_are_not_read_inserted_ones_are() => ShouldReadLikePlain(docx => EditDocument(docx, d =>
    {
        // A stale 总计 row deleted with Track Changes on, its text left as w:t (some tools do).
        var total = Row(d, "（七）总计");
        var stale = Stale(total);
        MarkRow(stale, "del");
        total.AddBeforeSelf(stale);

        // A cell deleted from the first row, shifting its numbers if it were read.
        var received = Row(d, "一、本年新收政府信息公开申请数量");
        received.Elements(W + "tc").First().AddAfterSelf(new XElement(W + "tc",
            new XElement(W + "tcPr", new XElement(W + "cellDel", new XAttribute(W + "id", "71"), new XAttribute(W + "author", "审核人"))), Paragraph("7")));

        // A number typed over: the deleted one in w:del (with w:t, not w:delText), the new one in w:ins.
        var granted = Row(d, "（一）予以公开").Elements(W + "tc").Last();
        var runs = granted.Descendants(W + "r").ToList();
        if (runs.Count == 0) granted.Element(W + "p")!.Add(Run(""));
        WrapRuns(granted, "ins", 80);
        granted.Element(W + "p")!.AddFirst(new XElement(W + "del", new XAttribute(W + "id", "79"), Run("31")));

        // A row inserted with Track Changes on is part of the document.
        var carried = Row(d, "二、上年结转政府信息公开申请数量");
        MarkRow(carried, "ins");
        WrapRuns(carried, "ins", 90);
    }));

    [Fact]
    public void Moved_row_is_read_at_its_new_place_only() => ShouldReadLikePlain(docx => EditDocument(docx, d =>
    {
        var total = Row(d, "（七）总计");
        var stale = Stale(total);
        MarkRow(stale, "del");
        WrapRuns(stale, "moveFrom", 100);
        Row(d, "（一）予以公开").AddBeforeSelf(stale);
        MarkRow(total, "ins");
        WrapRuns(total, "moveTo", 200);

        // A paragraph moved away whose runs only the range marks (Word also marks its paragraph mark).
        var heading = BodyOf(d).Elements(W + "p").First(p => TextOf(p) == "一、总体情况");
        heading.AddAfterSelf(
            new XElement(W + "moveFromRangeStart", new XAttribute(W + "id", "300"), new XAttribute(W + "name", "move1")),
            XElement.Parse($"""<w:p xmlns:w="{W.NamespaceName}"><w:pPr><w:rPr><w:moveFrom w:id="301"/></w:rPr></w:pPr><w:r><w:t>本机关收到政府信息公开申请987件，办结986件。</w:t></w:r></w:p>"""),
            new XElement(W + "moveFromRangeEnd", new XAttribute(W + "id", "300")));
    }));

    [Fact]
    public void Moved_row_case_reads_as_Word_shows_it()
    {
        var folder = Path.Combine(Fixtures.Dir("Cases"), "docx-tracked-move");
        var plain = Lines(File.ReadAllBytes(Path.Combine(folder, "plain.docx")));
        var total = plain.Single(l => l.Contains("（七）总计", StringComparison.Ordinal));
        var shown = plain.Where(l => l != total).ToList();
        shown.Insert(shown.FindIndex(l => l.Contains("四、结转下年度继续办理", StringComparison.Ordinal)) + 1, total);

        Lines(File.ReadAllBytes(Path.Combine(folder, "moved-row.docx"))).ShouldBe(shown);
    }

    [Fact]
    public void Tracked_text_reads_as_Word_shows_it_with_changes_accepted()
    {
        var docx = Minimal("""
            <w:p><w:r><w:t>公开</w:t></w:r><w:del w:id="1"><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>信息</w:t></w:r></w:ins></w:p>
            <w:p><w:pPr><w:rPr><w:del w:id="3"/></w:rPr></w:pPr><w:r><w:t>一、总体</w:t></w:r></w:p>
            <w:p><w:r><w:t>情况</w:t></w:r></w:p>
            <w:moveFromRangeStart w:id="4" w:name="m"/><w:p><w:r><w:t>旧位置</w:t></w:r></w:p><w:moveFromRangeEnd w:id="4"/>
            <w:moveToRangeStart w:id="5" w:name="m"/><w:p><w:moveTo w:id="6"><w:r><w:t>新位置</w:t></w:r></w:moveTo></w:p><w:moveToRangeEnd w:id="5"/>
            <w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="7"><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr></w:rPrChange></w:rPr><w:t>格式改过</w:t></w:r></w:p>
            <w:tbl>
              <w:tr><w:trPr><w:ins w:id="8"/></w:trPr><w:tc><w:p><w:r><w:t>新增</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:trPr><w:del w:id="9"/></w:trPr><w:tc><w:p><w:r><w:t>删除</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:cellDel w:id="10"/></w:tcPr><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr>
            </w:tbl>
            """);
        Lines(docx).ShouldBe(["¶ 公开信息", "¶ 一、总体情况", "¶ 新位置", "¶ 格式改过", "| 新增 | 1 |", "| 甲 | 3 |"]);
    }

    // ---- Strict Open XML ----

    private static readonly (string Transitional, string Strict)[] StrictNames =
    [
        ("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"),
        ("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"),
        ("http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing", "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"),
        ("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"),
    ];

    // What Word's "Strict Open XML Document" changes: the namespaces and relationship types.
    private static byte[] ToStrict(byte[] docx) => Rewrite(docx, (name, bytes) =>
    {
        if (!name.EndsWith(".xml", StringComparison.Ordinal) && !name.EndsWith(".rels", StringComparison.Ordinal)) return null;
        var text = Encoding.UTF8.GetString(bytes);
        foreach (var (transitional, strict) in StrictNames) text = text.Replace(transitional, strict, StringComparison.Ordinal);
        text = text.Replace("<w:document ", "<w:document w:conformance=\"strict\" ", StringComparison.Ordinal);
        return Utf8(text);
    });

    [Fact]
    public void Strict_document_rewritten_from_a_generated_one_reads_like_it() => ShouldReadLikePlain(docx =>
    {
        var strict = ToStrict(docx);
        DocumentXml(strict).ShouldNotContain("schemas.openxmlformats.org/wordprocessingml");
        DocumentXml(strict).ShouldContain("purl.oclc.org/ooxml/wordprocessingml/main");
        return strict;
    });

    [Fact]
    public void Strict_main_part_under_another_name_is_found_through_its_relationship()
    {
        var docx = ToStrict(Minimal("<w:p><w:r><w:t>正文</w:t></w:r></w:p>", mainPart: "word/main.xml"));
        DocumentSniffer.Sniff(docx).ShouldBe(DocumentKind.Docx);
        Lines(docx).ShouldBe(["¶ 正文"]);
    }

    [Fact]
    public void Strict_document_keeps_its_styles_and_content_controls()
    {
        var docx = Minimal($"""
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>行政许可</w:t></w:r></w:p></w:tc>
              <w:tc><w:p><w:r><w:rPr><w:rStyle w:val="a3"/></w:rPr><w:t>单击或点击此处输入文字。</w:t></w:r></w:p></w:tc>
              <w:tc><w:sdt>{PlaceholderSdt}<w:sdtContent><w:p><w:r><w:t>Click or tap here to enter text.</w:t></w:r></w:p></w:sdtContent></w:sdt></w:tc>
              <w:tc><w:sdt><w:sdtPr><w:showingPlcHdr w:val="false"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>8</w:t></w:r></w:p></w:sdtContent></w:sdt></w:tc>
            </w:tr></w:tbl>
            """);
        var styles = Utf8($"""<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W.NamespaceName}"><w:style w:type="character" w:styleId="a3"><w:name w:val="Placeholder Text"/></w:style></w:styles>""");
        docx = ToStrict(AddPart(docx, "word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml", styles,
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "rIdStyles"));
        Encoding.UTF8.GetString(Unzip(docx)["word/_rels/document.xml.rels"]).ShouldContain("purl.oclc.org/ooxml/officeDocument/relationships/styles");
        Lines(docx).ShouldBe(["| 行政许可 |  |  | 8 |"]);
    }

    // ---- Imported chunks (w:altChunk) ----

    private static byte[] WithChunk(byte[] docx, string name, string contentType, byte[] content, string id = "rIdChunk") =>
        EditDocument(AddPart(docx, name, contentType, content, AltChunk, id), d =>
        {
            var chunk = new XElement(W + "altChunk", new XAttribute(R + "id", id));
            if (BodyOf(d).Element(W + "sectPr") is { } section) section.AddBeforeSelf(chunk);
            else BodyOf(d).Add(chunk);
        });

    [Fact]
    public void Html_chunk_holding_the_report_reads_like_the_page()
    {
        foreach (var index in Reports)
        {
            var page = CorpusWriter.Render(Generated(index), Layouts.HtmlTrs);
            var docx = WithChunk(Minimal(""), "word/afchunk.htm", "text/html", page);
            Reading.Of(docx).ShouldReadLike(Reading.Of(page, "page.html"));
        }
    }

    [Fact]
    public void Text_chunk_holding_the_report_reads_its_paragraphs_and_rows()
    {
        var text = Encoding.UTF8.GetString(CorpusWriter.Render(Generated(1), Layouts.TextTab));
        var docx = WithChunk(Minimal("<w:p><w:r><w:t>附件</w:t></w:r></w:p>"), "word/afchunk.txt", "text/plain", Encoding.UTF8.GetBytes(text));
        var lines = Lines(docx);
        lines[0].ShouldBe("¶ 附件");
        lines.ShouldContain(l => l.StartsWith("| 四、结转下年度继续办理", StringComparison.Ordinal));
        Reading.Of(docx).Json["agency"]!.GetValue<string>().ShouldBe(Generated(1).Report.Agency);
    }

    [Fact]
    public void Docx_chunk_is_read_recursively() => ShouldReadLikePlain(docx =>
        WithChunk(Minimal(""), "word/afchunk.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", docx));

    [Fact]
    public void Rtf_chunk_beside_a_readable_report_is_skipped() => ShouldReadLikePlain(docx =>
        WithChunk(docx, "word/afchunk.rtf", "application/rtf", "{\\rtf1\\ansi 附录}"u8.ToArray()));

    [Fact]
    public void Rtf_chunk_holding_the_body_is_refused_with_its_reason()
    {
        var docx = WithChunk(Minimal("<w:p><w:r><w:t>某局2023年政府信息公开工作年度报告</w:t></w:r></w:p>"), "word/afchunk.rtf", "application/rtf", "{\\rtf1\\ansi 正文}"u8.ToArray());
        var rejection = ReportParser.Default.Parse(docx, new ParseOptions("chunk.docx")).Rejection.ShouldNotBeNull();
        rejection.ShouldStartWith("正文中有导入的内容块");
        rejection.ShouldContain("w:altChunk");
        rejection.ShouldContain("it is RTF");
    }

    // ---- Fields, run wrappers, text boxes ----

    [Fact]
    public void Field_instructions_are_not_text_their_results_are()
    {
        var docx = Minimal("""
            <w:p><w:r><w:t>收到申请</w:t></w:r>
              <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>
              <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD 件数 </w:instrText></w:r>
              <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>999</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
              <w:r><w:instrText xml:space="preserve"> &gt; 0 "12" "0" </w:instrText></w:r>
              <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
              <w:r><w:t>件</w:t></w:r></w:p>
            <w:p><w:r><w:t>第</w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple><w:r><w:t>页</w:t></w:r></w:p>
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>未闭合的域</w:t></w:r></w:p>
            <w:p><w:r><w:t>下一段照常读取</w:t></w:r></w:p>
            """);
        Lines(docx).ShouldBe(["¶ 收到申请12件", "¶ 第3页", "¶ 下一段照常读取"]);
    }

    [Fact]
    public void Hyperlinks_smart_tags_custom_xml_and_ruby_are_read_through()
    {
        var docx = Minimal("""
            <w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>政府信息公开</w:t></w:r></w:hyperlink><w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>工作</w:t></w:r></w:smartTag><w:customXml w:element="a"><w:r><w:t>年度报告</w:t></w:r></w:customXml></w:p>
            <w:customXml w:element="section"><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:customXml>
            <w:p><w:ruby><w:rubyPr/><w:rt><w:r><w:t>chóng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>重</w:t></w:r></w:rubyBase></w:ruby><w:r><w:t>复申请</w:t></w:r></w:p>
            <w:tbl><w:customXml w:element="row"><w:tr><w:customXml w:element="cell"><w:tc><w:p><w:r><w:t>行政强制</w:t></w:r></w:p></w:tc></w:customXml><w:tc><w:p><w:r><w:t>4</w:t></w:r></w:p></w:tc></w:tr></w:customXml></w:tbl>
            """);
        Lines(docx).ShouldBe(["¶ 政府信息公开工作年度报告", "¶ 一、总体情况", "¶ 重复申请", "| 行政强制 | 4 |"]);
    }

    [Fact]
    public void Text_box_is_read_once_beside_its_VML_fallback_and_its_table_gives_rows()
    {
        const string box = """<w:txbxContent><w:p><w:r><w:t>某局2023年政府信息公开工作年度报告</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>行政许可</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>6</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:txbxContent>""";
        var docx = Minimal($"""
            <w:p><w:r><mc:AlternateContent>
              <mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
              <mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>
            </mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r></w:p>
            """);
        Lines(docx).ShouldBe(["¶ 某局2023年政府信息公开工作年度报告", "| 行政许可 | 6 |", "¶ 正文"]);
    }

    // ---- Robustness ----

    // Every construct above in one body, around a generated report.
    private static byte[] AllKinds(int index) => EditDocument(Docx(index), d =>
    {
        Frame(d, depth: 2, outside: 1);
        var total = Row(d, "（七）总计");
        var stale = Stale(total);
        MarkRow(stale, "del");
        WrapRuns(stale, "moveFrom", 100);
        total.AddBeforeSelf(stale);
        var cell = d.Descendants(W + "tc").First(IsZero);
        cell.ReplaceNodes(cell.Element(W + "tcPr"), XElement.Parse($"""<w:sdt xmlns:w="{W.NamespaceName}">{PlaceholderSdt}<w:sdtContent><w:p><w:r><w:t>单击或点击此处输入文字。</w:t></w:r></w:p></w:sdtContent></w:sdt>"""));
        var first = BodyOf(d).Elements(W + "p").First();
        first.AddAfterSelf(XElement.Parse($"""
            <w:p xmlns:w="{W.NamespaceName}"><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            """));
        first.AddAfterSelf(new XElement(W + "moveFromRangeStart", new XAttribute(W + "id", "5")), Paragraph("旧"), new XElement(W + "moveFromRangeEnd", new XAttribute(W + "id", "5")));
    });

    [Fact]
    public void Reports_read_whole_when_every_kind_is_combined()
    {
        foreach (var index in Reports) Reading.Of(AllKinds(index), $"report {index}").ShouldReadLike(Reading.Of(Docx(index), $"plain report {index}"));
    }

    [Fact]
    public void Documents_with_constructs_removed_unwrapped_or_doubled_never_crash()
    {
        Gen.Select(Gen.Int[0, 3], Gen.Int[1, 6], Gen.Int[0, int.MaxValue]).Sample((index, edits, salt) =>
        {
            var random = new Random(salt);
            var docx = Rewrite(AllKinds(index), (name, bytes) =>
            {
                if (name != "word/document.xml") return null;
                var d = XDocument.Load(new MemoryStream(bytes));
                for (var i = 0; i < edits; i++)
                {
                    var elements = BodyOf(d).Descendants().ToList();
                    var e = elements[random.Next(elements.Count)];
                    switch (random.Next(3))
                    {
                        case 0: e.Remove(); break;
                        case 1: e.ReplaceWith(e.Nodes()); break;
                        default: e.AddAfterSelf(new XElement(e)); break;
                    }
                }

                return Utf8(d.ToString(SaveOptions.DisableFormatting));
            });

            var result = ReportParser.Default.Parse(docx, new ParseOptions("mangled.docx"));
            (result.Report is not null || !string.IsNullOrWhiteSpace(result.Rejection)).ShouldBeTrue();
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void Tables_nested_beyond_Words_limit_are_refused_not_recursed()
    {
        var docx = Minimal(string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", 5000)) + "<w:p/>" + string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl>", 5000)));
        ReportParser.Default.Parse(docx, new ParseOptions("deep.docx")).Rejection.ShouldNotBeNull().ShouldContain("nested more than 64 deep");
    }

    // ---- Messages ----

    [Fact]
    public void Refusals_of_unreadable_docx_are_Chinese_then_English()
    {
        static string Refusal(byte[] bytes, ParseOptions? options = null) =>
            ReportParser.Default.Parse(bytes, options ?? new ParseOptions("refused")).Rejection.ShouldNotBeNull();

        var docx = Docx(0);
        Refusal(docx[..(docx.Length / 2)]).ShouldStartWith("DOCX 文件已损坏或不完整 (a damaged or truncated DOCX");
        Refusal(docx, new ParseOptions("bomb.docx", MaxInflatedBytes: 1024)).ShouldStartWith("DOCX 解压后超过 1 KB，疑为压缩炸弹，拒绝读取 (a DOCX that inflates beyond 1 KB; refused as a possible zip bomb)");
        Refusal(Minimal(string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", 65)) + "<w:p/>" + string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl>", 65))))
            .ShouldBe("DOCX 中的表格嵌套超过 64 层 (a DOCX with tables nested more than 64 deep)");
    }

    [Fact]
    public void Damaged_docx_is_refused_in_Chinese_then_English()
    {
        var docx = Docx(0);
        var damaged = Rewrite(docx, (name, bytes) => name == "word/document.xml" ? bytes[..(bytes.Length / 2)] : null);
        var rejection = ReportParser.Default.Parse(damaged, new ParseOptions("damaged.docx")).Rejection.ShouldNotBeNull();
        rejection.ShouldStartWith("DOCX 文件已损坏");
        rejection.ShouldContain("(a damaged DOCX");
    }
}
