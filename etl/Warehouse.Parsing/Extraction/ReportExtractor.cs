using Warehouse.Core.Regions;
using Warehouse.Core;
using Warehouse.Parsing.Documents;

namespace Warehouse.Parsing.Extraction;

/// <summary>
/// Reads the template's values out of a document of paragraphs and rows. Rows are found by
/// their labels, not their positions, so one extractor serves every layout.
/// </summary>
internal sealed partial class ReportExtractor
{
    private readonly ReportDocument _doc;
    private readonly IReadOnlyList<Block> _blocks;
    private readonly ParseOptions _options;
    private readonly RegionResolver _regions;
    private readonly bool _gridExact;
    private readonly Sections _sections;
    private readonly List<Finding> _findings = [];
    private readonly List<string> _derived = [];
    private readonly List<string> _ambiguous = [];
    private readonly List<string> _missingTables = [];
    private readonly List<string> _blankTables = [];

    private ReportExtractor(ReportDocument doc, ParseOptions options, RegionResolver regions, bool gridExact)
    {
        _doc = doc;
        _blocks = Restructure.Apply(doc.Blocks, glyphsChecked: doc.Layout is Text.PlainTextLayout.TabRows or Text.PlainTextLayout.CellPerLine or Text.PlainTextLayout.ParagraphCellsLayout or Html.HtmlLayout.Layout);
        _options = options;
        _regions = regions;
        _gridExact = gridExact;
        _sections = new Sections(_blocks);
        if (_sections.NextReport is { } next)
        {
            // Another report follows (reports bound in one file): this one is read alone, and the finding says so; read
            // on, the other's signature would date this one and its headings would stand for this one's missing ones.
            var (title, last) = NextTitle(next) ?? (next, -1);
            string? text = null;
            for (var i = title; i <= last; i++) text += (_blocks[i] as Paragraph)?.Text;
            var cut = title;
            // The same title before: the file holds this report twice (a page's 全真版 and 文字版), not another one.
            var copy = text is not null && SameTitleBefore(cut, Text.TextKey.Of(text));
            _blocks = _blocks.Take(cut).ToList();
            _sections = new Sections(_blocks);
            _findings.Add(Finding.Warning("another_report", copy
                ? $"〔多份报告〕本文件在这份报告之后又载有一遍同一标题的报告「{text}」，只读取了第一遍。The file holds this report ({text}) twice; the first is read."
                : text is null
                ? "〔多份报告〕本文件在这份报告之后还有另一份年度报告，只读取了第一份；请将各份报告分开读取。The file holds another report after this one; only the first is read."
                : $"〔多份报告〕本文件在这份报告之后还有另一份年度报告「{text}」，只读取了第一份；请将各份报告分开读取。The file holds another report after this one ({text}); only the first is read."));
        }
    }

    // A paragraph, or two in a row, before the cut whose words are the other title's ("全真版" and "文字版" of one page).
    private bool SameTitleBefore(int cut, string title)
    {
        for (var i = 0; i < cut; i++)
        {
            if (_blocks[i] is not Paragraph p) continue;
            var key = Text.TextKey.Of(p.Text);
            if (key == title || (i + 1 < cut && _blocks[i + 1] is Paragraph q && key + Text.TextKey.Of(q.Text) == title)) return true;
        }

        return false;
    }

    // The other report's title: among the blocks before its section 一, the line that names a report, and the line above
    // it when that is the title's first (an agency's name, "新源县自然资源局" over "2020年政府信息公开工作年度报告"), never
    // this report's signature date.
    private (int First, int Last)? NextTitle(int next)
    {
        for (var end = next - 1; end >= Math.Max(0, next - 12); end--)
        {
            if (Sections.TitleStart(_blocks, end) is not (>= 0 and var first)) continue;
            // A title on one line may have its agency on the line above ("新源县自然资源局" over "2020年…年度报告").
            if (first == end && first > 0 && _blocks[first - 1] is Paragraph { Text.Length: <= 30 } above && !above.Text.Contains('。')
                && !Sections.DateLike(above.Text) && !above.Text.Any(char.IsAsciiDigit) && Text.TextKey.HasCjk(above.Text))
            {
                first--;
            }

            return (first, end);
        }

        return null;
    }

    public static ParseResult Extract(ReportDocument doc, ParseOptions options, RegionResolver regions, bool gridExact) =>
        new ReportExtractor(doc, options, regions, gridExact).Run();

    /// <summary>
    /// The picture where section <paramref name="number"/>'s table should be (1-6): among the first blocks after its
    /// start (a caption may stand between), never past the next section; null when there is none or no such section.
    /// A page's own furniture (logos, footer icons) stands before section 一 or after the last.
    /// </summary>
    private Picture? PictureIn(int number)
    {
        if (_sections.Start(number) is not { } start) return null;
        var end = Math.Min(_sections.End(number, _blocks.Count), start + 4);
        for (var i = start; i < end; i++)
        {
            if (_blocks[i] is Picture picture) return picture;
        }

        return null;
    }

    private ParseResult Run()
    {
        var applications = FindApplicationRows();
        if (applications.Rows.Count == 0 && applications.Scrambled is null)
        {
            var title0 = ReadTitle();
            var why = _sections.Missing().Count() == 6 && title0.Agency is null && title0.Year is null
                ? Garbled(_blocks) ? GarbledWhy(_doc.Layout) : "不是政府信息公开工作年度报告：未找到模板的任何章节、表格或报告标题 (not a government information disclosure annual report: none of its sections or tables were found)"
                : FormerFormat(title0) is { } former ? former
                : PictureIn(3) is { } picture ? $"是政府信息公开工作年度报告，但表三（三、收到和处理政府信息公开申请情况）以图片发布（{picture.Name}），不是文字表格，其中的数无法读取：请看原图，或请该机关以文字表格发布 (the application table is published as a picture ({picture.Name}), not as a text table; its numbers cannot be read)"
                : EmbeddedOnly() is { } embedded ? $"是政府信息公开工作年度报告的发布页，但页面正文没有报告的章节和表格，报告是页面内嵌显示的文档「{embedded}」：请读该文件（crawl 会取回文章页内嵌和附带的文档） (the page announces the report but holds none of its sections or tables; the report is the document the page shows inside itself, '{embedded}': read that file, as crawl does)"
                : AttachmentOnly() is { } attachment ? $"是政府信息公开工作年度报告的发布页，但页面正文没有报告的章节和表格，只有附件「{attachment}」：报告在附件里，请读附件（crawl 会取回文章页的附件） (the page announces the report but holds none of its sections or tables, only the attachment '{attachment}': the report is in the attachment; read that file, as crawl does)"
                : PicturesOnly() is var (count, first) ? $"是政府信息公开工作年度报告，但全文以图片发布（{count} 张图片{(first == "图片" ? "" : $"，如「{first}」")}），没有报告的文字，其中的数无法读取：请看原图，或请该机关以文字发布 (the report is published as {count} picture(s){(first == "图片" ? "" : $", such as '{first}'")}, not as text; its numbers cannot be read)"
                : TablePlaceholder() ? "是政府信息公开工作年度报告，但表三在文本中只剩占位符「[TABLE]」：转换工具（如 pandoc -t plain）没有写出表格，请读原文档 (the application table is only a '[TABLE]' placeholder: the converter, such as pandoc -t plain, wrote no table; read the original document)"
                : "是政府信息公开工作年度报告，但表三（三、收到和处理政府信息公开申请情况）缺失或没有可识别的行 (the application table (三、收到和处理政府信息公开申请情况) is missing or has no recognisable rows)" + PartlyGarbledWhy();
            return ParseResult.Reject(why, _doc.Layout);
        }

        var title = ReadTitle();
        var closing = ReadClosing();
        var agency = TitleOrSignature(title, closing) ?? ReadByline() ?? ReadTitleBeyondHead()?.Agency;
        var year = title.Year ?? ReadStatisticalYear() ?? (closing.Date?.Year - 1);
        if (string.IsNullOrWhiteSpace(agency))
        {
            return ParseResult.Reject("标题（…年政府信息公开工作年度报告）、页面元数据和落款中都没有机关名称 (no agency name in the title (…年政府信息公开工作年度报告) or above the closing date)" + PartlyGarbledWhy(), _doc.Layout);
        }

        if (year is null)
        {
            return ParseResult.Reject("标题、统计期限和落款日期中都没有报告年度 (no report year in the title, the statistical period or the closing date)" + PartlyGarbledWhy(), _doc.Layout);
        }

        _cellsVanish = CellsVanish(applications.Rows.Values.Concat(applications.Groups.Values));
        _totalsLeftBlank = TotalsLeftBlank(applications.Rows.Values);
        _labelSlotsKept = applications.Rows.Values.Any(p => p.LeadBlank);
        _zerosLeftBlank = !_cellsVanish && ZerosLeftBlank(applications.Rows.Values);
        var active = ReadActiveDisclosure(applications.Start, year, CellsRunTogether(applications.Rows.Values));
        var template = DecideTemplate(applications, active.Evidence, year);
        var table = BuildApplicationTable(applications, template);
        var review = ReadReviewLitigation(applications.End);
        var prose = SectionOneText();
        var region = _regions.Resolve(agency, _options.RegionHint, DocumentText);
        if (region.Finding is not null) _findings.Add(region.Finding);
        foreach (var (number, block) in _sections.Misprinted())
        {
            var printed = Sections.HeadingText(_blocks[block])!.Trim();
            var name = Sections.Names[number - 1];
            _findings.Add(Finding.Warning("heading_misprinted",
                $"章节标题「{printed}」与模板的「{name}」不同，按其编号和字形读作第{"一二三四五六"[number - 1]}部分。The heading '{printed}' is read as '{name}' by its number and wording."));
        }

        foreach (var (number, block) in _sections.Worded())
        {
            var printed = Sections.HeadingText(_blocks[block])!.Trim();
            var name = Sections.Names[number - 1];
            _findings.Add(Finding.Warning("heading_worded",
                $"章节标题「{printed}」与模板的「{name}」用词不同，按其编号读作第{"一二三四五六"[number - 1]}部分。The heading '{printed}' is worded otherwise than '{name}'; read as that section by its number."));
        }

        var report = new Report(
            Agency: agency,
            RegionCode: region.Code,
            Year: year.Value,
            Template: template,
            Published: closing.Date,
            ItemsPublished: Prose.ItemsPublished(prose),
            ActiveDisclosure: active.ToDisclosure(template),
            Applications: table,
            ReviewLitigation: review,
            Derived: _derived,
            Stated: Prose.Stated(prose),
            Completeness: new Completeness(_sections.Missing().ToList(), _missingTables, _blankTables) { Renumbered = _sections.Renumbered() })
        {
            Ambiguous = _ambiguous,
        };
        if (report.ItemsPublished is null && Prose.ItemsFigureLost(prose) is { } lost)
        {
            _findings.Add(new Finding("items_figure_lost", Severity.Error,
                $"正文「一、总体情况」的「{lost}」在「条」前没有数字（抽取时数字被移到了别处），本年主动公开信息条数未知。Section 一 states the items published with no figure before 条 ('{lost}': the text's extraction moved it elsewhere); the figure is unknown.", "items_published"));
        }

        if (GarbledSample(_blocks) is { } garbled)
        {
            _findings.Add(Finding.Warning("text_garbled",
                $"文字部分乱码（如「{garbled}」）：字体到 Unicode 的映射有缺损，一些字读错或丢失，读不出的行和格为空并已列出；核对请看原件。The text is partly garbled (as in '{garbled}'): some glyphs map to wrong characters or none; rows and cells that could not be read are null and listed."));
        }

        if (_doc.OcrTextLayer)
        {
            _findings.Add(Finding.Warning("ocr_text_layer", OcrTextLayerMessage));
        }

        return new ParseResult(report, _findings, null, _doc.Layout) { Prose = ComparableProse(), PageDate = _doc.PageDate ?? BylineDate() };
    }

    /// <summary>What a reader of a scan made searchable is told: the text read is an OCR tool's, not the document's.</summary>
    public const string OcrTextLayerMessage =
        "本 PDF 是扫描件，读到的文字是 OCR 识别后加在页面图像上的隐形文字层，不是原件的文字：识别错的字和数按识别的结果读入（表格线可能被识成「|」「1」等字符），读不出的行和格为空并已列出；数字请对照原图核对。"
        + "The PDF is a scan made searchable: its text is an OCR tool's invisible layer over pictures of the pages, not the document's own; characters and digits are read as recognised (rules may be recognised as '|' or '1'), and rows and cells that could not be read are null and listed.";

    // A page's byline above the report ("发布时间：2025-03-10"), kept by crawler text and printed pages.
    private DateOnly? BylineDate()
    {
        var end = Math.Min(_sections.Start(1) ?? Math.Min(_blocks.Count, 40), 200);
        for (var i = 0; i < end; i++)
        {
            var text = _blocks[i] switch
            {
                Paragraph p => p.Text,
                TableRow r => string.Join(" ", r.Cells),
                _ => "",
            };
            if (PageDates.Byline(text) is { } day) return day;
        }

        return null;
    }

    private string DocumentText() =>
        string.Join("\n", _blocks.Select(b => b switch
        {
            Paragraph p => p.Text,
            TableRow r => string.Join(" ", r.Cells),
            _ => "",
        }));

    private static string CellPath(string code, int column) => CellRef.ApplicationPath(code, column);

    /// <summary>
    /// The headings and the statistics table of the reports written before the 2019 format
    /// (国办公开办函〔2019〕60号, first used for the 2019 reports), under the Regulations of 2008:
    /// a report in that form has none of tables 二 to 四, so it is refused as that format, not as
    /// a report that lost its table.
    /// </summary>
    private static readonly string[] FormerFormatMarks =
    [
        "依申请公开政府信息情况", "政府信息公开的收费及减免情况", "因政府信息公开申请行政复议、提起行政诉讼的情况",
        "政府信息公开情况统计表", "不同渠道和方式公开相同信息计1条", "申请信息不存在数",
    ];

    /// <summary>Wording of the format used since the 2019 reports, which the former one never has.</summary>
    private static readonly string[] CurrentFormatMarks =
    [
        "收到和处理政府信息公开申请", "本年新收政府信息公开申请", "第二十条第", "政府信息公开行政复议、行政诉讼情况",
    ];

    /// <summary>
    /// The agency the title names, else the signature's. A title read from lines joined may have taken a word of the
    /// page's navigation beside it for its agency ("机构" of a side panel's "机构概况" over "2024年度政府信息公开工作报告",
    /// a browser's print of a portal page); when that agency names no region and the signature's does, the signature's
    /// is the report's.
    /// </summary>
    private string? TitleOrSignature(Title title, Closing closing)
    {
        if (title.Agency is null) return closing.Agency;
        if (!title.Joined || closing.Agency is not { } signed || signed == title.Agency) return title.Agency;
        return _regions.Resolve(title.Agency, null, () => null).Code is null && _regions.Resolve(signed, null, () => null).Code is not null ? signed : title.Agency;
    }

    /// <summary>
    /// The reason for refusing a report that has no table 三 because it is written in the format
    /// used before 2019: two of that format's headings or statistics rows are found, or its year
    /// is 2018 or earlier and no wording of the current format's tables is; null when it is not.
    /// </summary>
    private string? FormerFormat(Title title)
    {
        var year = title.Year ?? ReadStatisticalYear() ?? (ReadClosing().Date?.Year - 1);
        var text = DocumentText();
        var marks = FormerFormatMarks.Count(m => text.Contains(m, StringComparison.Ordinal));
        var current = CurrentFormatMarks.Any(m => text.Contains(m, StringComparison.Ordinal));
        if (!(marks >= 2 || (year <= 2018 && !current))) return null;
        var which = year is null ? "" : $"{year}年度的";
        var whichEn = year is null ? "" : $" for {year}";
        return $"是{which}政府信息公开工作年度报告，但按2019年以前的旧格式编写（原《条例》时期的格式，没有2019年度起年报格式的表二至表四），其数字不读入 " +
               $"(a report{whichEn} in the format used before 2019, under the former Regulations: it has none of the tables of the format used since the 2019 reports, so its figures are not read)";
    }

    /// <summary>
    /// The name of the attachment a page offers in place of the report ("附件：…年度报告.pdf"), when the page holds
    /// none of the template's six sections and no table: an article page whose body is only the link. Null otherwise.
    /// </summary>
    private string? AttachmentOnly()
    {
        if (!NoSectionNorTable()) return null;
        foreach (var block in _blocks)
        {
            if (block is Paragraph p && AttachmentLine().Match(p.Text) is { Success: true } m) return m.Groups["name"].Value.Trim();
        }

        return null;
    }

    /// <summary>
    /// The name of the document a page shows inside itself in place of the report (a PDF viewer's frame), when the page
    /// holds none of the template's six sections and no table. Null otherwise.
    /// </summary>
    private string? EmbeddedOnly() => NoSectionNorTable() ? _blocks.OfType<EmbeddedDocument>().FirstOrDefault()?.Name : null;

    /// <summary>
    /// How many pictures stand in the body and the first one's name, when the body holds none of the template's six
    /// sections and no table but pictures: a report posted as pictures of its pages. Null otherwise.
    /// </summary>
    private (int Count, string First)? PicturesOnly()
    {
        if (!NoSectionNorTable()) return null;
        var pictures = _blocks.OfType<Picture>().ToList();
        return pictures.Count == 0 ? null : (pictures.Count, pictures[0].Name);
    }

    // The body holds none of the template's six sections and no table row.
    private bool NoSectionNorTable() => _sections.Missing().Count() >= 6 && !_blocks.Any(b => b is TableRow);

    // "附件：泉州市…年度报告.pdf", "相关附件 1.…年度报告.docx", a file name alone (a document's name and its extension), or
    // "附件：…年度报告" (the link's words without the file's extension).
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:(?:(?:相关)?附件\s*[0-9一二三]?\s*[：:、.]?\s*)?(?<name>[^\s：:]{2,}?\.(?:pdf|PDF|docx?|DOCX?|wps|WPS|ofd|OFD))|(?:相关)?附件\s*[0-9一二三]?\s*[：:、.]\s*(?<name>[^\s：:]*报告[^\s：:]{0,12}))\s*$")]
    private static partial System.Text.RegularExpressions.Regex AttachmentLine();

    // pandoc's plain text writes "[TABLE]" for a table it cannot draw (one with merged cells).
    private bool TablePlaceholder() =>
        _blocks.Skip(_sections.Start(3) ?? 0).Take(_sections.Start(3) is null ? _blocks.Count : 3)
            .Any(b => b is Paragraph p && p.Text.Trim() == "[TABLE]");

    /// <summary>
    /// Why a report whose text is partly garbled may lack what was looked for, or "" when it is not: a font's mapping to
    /// Unicode that a re-print broke for some glyphs gives Latin letters among the Chinese ("政ó公开", "ÿ一Ā"), and a
    /// 年 or a label lost with them. A Chinese report holds no Latin letter beyond ASCII beside a Chinese character.
    /// </summary>
    private string PartlyGarbledWhy() => GarbledSample(_blocks) is { } sample
        ? $"；文字部分乱码（如「{sample}」），字体到 Unicode 的映射有缺损，一些字读错或丢失，需用原件或先做文字识别 (the text is partly garbled, as in '{sample}': some glyphs map to wrong characters or none; use the original or OCR it)"
        : "";

    /// <summary>
    /// A few characters around the first Latin letter beyond ASCII (U+00C0 to U+024F) that stands beside a Chinese
    /// character, or the first U+FFFD (a character unknown), when the text holds three such at least, or around the
    /// first of six characters at least that stand for glyph numbers beside another such (<see cref="Text.WrittenChinese"/>);
    /// else null.
    /// </summary>
    internal static string? GarbledSample(IReadOnlyList<Block> blocks)
    {
        string? sample = null;
        int count = 0, runs = 0;
        foreach (var block in blocks)
        {
            IEnumerable<string> texts = block switch { Paragraph p => [p.Text], TableRow r => r.Cells, _ => [] };
            foreach (var text in texts)
            {
                for (var i = 0; i < text.Length; i++)
                {
                    if (text[i] == '\uFFFD')
                    {
                        // A glyph that names no character (Pdf.NamelessGlyphs), or bytes no charset decodes.
                        count++;
                        sample ??= text[Math.Max(0, i - 3)..Math.Min(text.Length, i + 4)].Trim();
                        continue;
                    }

                    // Glyph numbers read as ideographs come in runs; a name's rare character stands alone.
                    if (Text.WrittenChinese.IsGlyphNumberLike(text[i]))
                    {
                        if ((i > 0 && Text.WrittenChinese.IsGlyphNumberLike(text[i - 1])) || (i + 1 < text.Length && Text.WrittenChinese.IsGlyphNumberLike(text[i + 1])))
                        {
                            runs++;
                            sample ??= text[Math.Max(0, i - 3)..Math.Min(text.Length, i + 4)].Trim();
                        }

                        continue;
                    }

                    if (text[i] is < '\u00C0' or > '\u024F' || text[i] == '\u00D7' || text[i] == '\u00F7') continue;
                    if (!(i > 0 && IsHan(text[i - 1])) && !(i + 1 < text.Length && IsHan(text[i + 1]))) continue;
                    count++;
                    sample ??= text[Math.Max(0, i - 3)..Math.Min(text.Length, i + 4)].Trim();
                }
            }
        }

        return count >= 3 || runs >= 6 ? sample : null;

        static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF';
    }

    private static string GarbledWhy(string layout) => layout == Pdf.PdfLayout.Layout
        ? "PDF 的文字层是乱码，无法读取：字体没有到 Unicode 的映射（常见于重新打印或压缩过的 PDF），需用原件或先做文字识别 (the PDF's text layer is garbled: its fonts map to no Unicode text, as after some re-printing or compression; use the original or OCR it)"
        : "文字是乱码，无法读取：编码或字体映射在转换中丢失 (the text is garbled: its encoding or font mapping was lost in conversion)";

    /// <summary>
    /// True when the text is mostly characters of scripts no report is written in: a PDF font
    /// without a ToUnicode map gives its glyph numbers as characters. Three forms are seen: glyph numbers of a Chinese
    /// font that read as ideographs, a third of them or more outside GB 2312, where a report's are nearly all in it;
    /// glyph numbers scattered over the alphabets below U+3000 (Hangul jamo, Syriac, Telugu… in
    /// one word), where a report's text beyond ASCII is Chinese characters and punctuation; and,
    /// in a PDF printed again through a PostScript driver (pdftops | ps2pdf, print-to-PDF), glyph
    /// numbers remapped to one byte, so that the page reads as ASCII punctuation and Latin-1
    /// ("!&quot;#$%&amp;()*+ ,-./.012/"), where any written language is mostly letters; or, through Ghostscript's
    /// ps2write and ps2pdf, glyph numbers given out in order over the symbol blocks U+2100-U+2BFF ("✩✑✔★✂✠☎✧",
    /// dingbats, enclosed numbers, arrows), where a report holds a few such signs among its Chinese.
    /// </summary>
    private static bool Garbled(IReadOnlyList<Block> blocks)
    {
        int beyondAscii = 0, chinese = 0, visible = 0, symbols = 0, unknown = 0, ideographs = 0, glyphNumbers = 0, signs = 0;
        var alphabets = new HashSet<int>();
        foreach (var block in blocks)
        {
            IEnumerable<string> texts = block switch { Paragraph p => [p.Text], TableRow r => r.Cells, _ => [] };
            foreach (var text in texts)
            {
                foreach (var ch in text)
                {
                    if (char.IsWhiteSpace(ch)) continue;
                    visible++;
                    if (ch < 0x80)
                    {
                        if (char.IsAsciiLetterOrDigit(ch) is false) symbols++;
                        continue;
                    }

                    beyondAscii++;
                    if (ch == '\uFFFD') unknown++;
                    if (Text.WrittenChinese.IsIdeographLike(ch)) ideographs++;
                    if (Text.WrittenChinese.IsGlyphNumberLike(ch)) glyphNumbers++;
                    if (ch is >= '\u3000' and <= '\u303F' or >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\u2E80' and <= '\u2FDF'
                        || char.IsSurrogate(ch)) chinese++;
                    else if (ch < '\u3000') alphabets.Add(ch >> 8);
                    if (ch is >= '\u0080' and <= '\u00FF') symbols++;
                    if (ch is >= '\u2100' and <= '\u2BFF') signs++;
                }
            }
        }

        // Glyphs that name no character read as U+FFFD (Pdf.NamelessGlyphs): the same garbage, made explicit.
        var oneByteGlyphs = visible >= 200 && chinese * 5 < visible && (symbols + unknown) * 4 >= visible;
        // Glyph numbers of a Chinese font read as ideographs: a third of them or more outside GB 2312 (Text.WrittenChinese).
        var ideographGlyphs = ideographs >= 200 && glyphNumbers * 3 >= ideographs;
        var fewChinese = beyondAscii >= 200 && chinese * 10 < beyondAscii * 3;
        // Glyph numbers as signs: most of the text beyond ASCII is dingbats, arrows, enclosed numbers (ps2write, ps2pdf).
        var signGlyphs = fewChinese && signs * 2 >= beyondAscii;
        return oneByteGlyphs || ideographGlyphs || signGlyphs || (fewChinese && alphabets.Count >= 8);
    }
}
