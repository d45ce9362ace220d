using System.Text;
using System.Text.Json.Nodes;
using Shouldly;
using Warehouse.Core;

namespace Warehouse.Corpus.Tests;

public sealed class CorpusWriterTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("corpus-tests-");

    public void Dispose() => _temp.Delete(recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_each_report_in_its_layout_beside_its_expected_json_and_a_manifest()
    {
        var dir = Path.Combine(_temp.FullName, "nested", "corpus");
        var options = new CorpusOptions(12, 77, Layouts.WithoutPdf);
        var reported = new List<int>();
        var manifest = await new CorpusWriter().WriteAsync(dir, options, new SyncProgress(reported.Add), Ct);

        manifest.Directory.ShouldBe(dir);
        manifest.Entries.Count.ShouldBe(12);
        reported.ShouldNotBeEmpty();
        reported[^1].ShouldBe(12);
        foreach (var e in manifest.Entries)
        {
            e.Layout.ShouldBe(options.Layouts[e.Index % options.Layouts.Count]);
            e.File.ShouldBe($"{e.Index:D5}.{Layouts.Extension(e.Layout)}");
            e.ExpectedFile.ShouldBe($"{e.Index:D5}.expected.json");
            var g = ReportFactory.Create(77, e.Index, options.InconsistentShare);
            // One text-tab or text-cell document in twenty ends its lines otherwise (LineSeparatorSaving), and one
            // text-tab, text-cell or html-trs document in ten is saved as UTF-16 (Utf16Saving).
            var rendered = CorpusWriter.Render(g, e.Layout);
            if (BoundSaving.Applies(e.Layout)) rendered = BoundSaving.Apply(rendered, g.QuirkSeed, () => CorpusWriter.Render(BoundSaving.Other(77, e.Index, options.InconsistentShare), e.Layout));
            if (PdfParseSaving.Applies(e.Layout)) rendered = PdfParseSaving.Apply(rendered, g.QuirkSeed);
            if (LineSeparatorSaving.Applies(e.Layout)) rendered = LineSeparatorSaving.Apply(rendered, g.QuirkSeed);
            if (InvisibleCharacterSaving.Applies(e.Layout)) rendered = InvisibleCharacterSaving.Apply(rendered, e.Layout, g.QuirkSeed);
            if (Utf16Saving.Applies(e.Layout)) rendered = Utf16Saving.Apply(rendered, g.QuirkSeed);
            if (WebArchiveSaving.Applies(e.Layout)) rendered = WebArchiveSaving.Apply(rendered, g.QuirkSeed);
            File.ReadAllBytes(Path.Combine(dir, e.File)).ShouldBe(rendered);
            var expected = File.ReadAllText(Path.Combine(dir, e.ExpectedFile), Encoding.UTF8);
            // The original layouts state every value: their expectation is the report itself.
            expected.ShouldBe(ReportJson.Serialize(g.Report, g.Injected, file: null, layout: e.Layout));
            var json = JsonNode.Parse(expected)!;
            json["layout"]!.GetValue<string>().ShouldBe(e.Layout);
            json["findings"]!.AsArray().Count.ShouldBe(g.Injected.Count);
        }

        var listed = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!.AsArray();
        listed.Select(x => ((int)x!["index"]!, (string)x["layout"]!, (string)x["file"]!))
            .ShouldBe(manifest.Entries.Select(e => (e.Index, e.Layout, e.File)));
        Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(manifest.Entries.SelectMany(e => new[] { e.File, e.ExpectedFile }).Append("manifest.json").Order(StringComparer.Ordinal));
    }

    // Table 四's numbers one to a line (text-pdf-plain) that add up in no order are the report's own error (review_total),
    // not a scramble: hongze-2023's "10 1 0 0 0 … 5 0 0 0 0" (totals 0).
    [Theory]
    [InlineData(new[] { 10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0 }, false)]
    [InlineData(new[] { 2, 1, 0, 0, 4, 0, 0, 0, 0, 0, 1, 1, 1, 0, 3 }, false)]
    [InlineData(new[] { 2, 1, 0, 0, 3, 0, 0, 0, 0, 0, 1, 1, 1, 0, 3 }, true)]
    // A consistent table in another order: 3 2 1 0 6 | 0 0 0 0 0 | 4 0 0 1 5, shuffled.
    [InlineData(new[] { 5, 0, 3, 0, 1, 6, 0, 2, 0, 4, 0, 1, 0, 0, 0 }, true)]
    public void Table_fours_numbers_are_judged_by_whether_any_order_adds_up(int[] numbers, bool addsUp) =>
        CorpusWriter.AddsUpInSomeOrder(numbers).ShouldBe(addsUp);

    [Fact]
    public void A_text_pdf_plain_table_four_that_adds_up_in_no_order_is_expected_as_the_reports_error()
    {
        var found = 0;
        for (var i = 0; i < 400 && found < 3; i++)
        {
            var g = ReportFactory.Create(704, i, 0.5);
            var review = g.Report.ReviewLitigation.Flatten().Select(v => v ?? 0).ToArray();
            if (Enumerable.Range(0, 3).All(p => review.Skip(p * 5).Take(4).Sum() == review[(p * 5) + 4])) continue;
            found++;
            var rules = CorpusWriter.Produce(g, Layouts.TextPdfPlain).Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).ToList();
            rules.ShouldContain(CorpusWriter.AddsUpInSomeOrder(review) ? "table_scrambled" : "review_total");
            rules.ShouldNotContain(CorpusWriter.AddsUpInSomeOrder(review) ? "review_total" : "table_scrambled");
        }

        found.ShouldBe(3);
    }

    [Fact]
    public void One_text_or_page_in_ten_is_saved_as_utf16_in_each_of_its_forms()
    {
        var forms = new Dictionary<string, int>();
        for (var i = 0; i < 600; i++)
        {
            var g = ReportFactory.Create(5, i, 0.1);
            var rendered = CorpusWriter.Render(g, Layouts.TextTab);
            var saved = Utf16Saving.Apply(rendered, g.QuirkSeed);
            if (saved == rendered) continue;
            var form = saved[..2] switch
            {
                [0xFF, 0xFE] => "le-bom",
                [0xFE, 0xFF] => "be-bom",
                _ => "le",
            };
            forms[form] = forms.GetValueOrDefault(form) + 1;
            var text = form switch
            {
                "le-bom" => Encoding.Unicode.GetString(saved, 2, saved.Length - 2),
                "be-bom" => Encoding.BigEndianUnicode.GetString(saved, 2, saved.Length - 2),
                _ => Encoding.Unicode.GetString(saved),
            };
            text.ShouldBe(Encoding.UTF8.GetString(rendered));
        }

        forms.Values.Sum().ShouldBeInRange(30, 95);
        forms.Keys.Order(StringComparer.Ordinal).ShouldBe(["be-bom", "le", "le-bom"]);
    }

    [Fact]
    public void One_text_in_twenty_ends_its_lines_with_another_separator()
    {
        var separators = new Dictionary<char, int>();
        for (var i = 0; i < 600; i++)
        {
            var g = ReportFactory.Create(5, i, 0.1);
            var rendered = CorpusWriter.Render(g, Layouts.TextCell);
            var written = LineSeparatorSaving.Apply(rendered, g.QuirkSeed);
            if (written == rendered) continue;
            var text = Encoding.UTF8.GetString(written);
            text.ShouldNotContain('\n');
            var separator = text.First(c => c is '\u2028' or '\u2029' or '\v');
            separators[separator] = separators.GetValueOrDefault(separator) + 1;
            text.Replace(separator, '\n').ShouldBe(Encoding.UTF8.GetString(rendered).Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        separators.Values.Sum().ShouldBeInRange(12, 55);
        separators.Count.ShouldBe(3);
    }

    [Fact]
    public void One_markdown_table_in_four_writes_a_cell_only_where_the_page_has_one()
    {
        // node-html-markdown's tables: a group's later rows begin with their own label, lose the group's column and are
        // padded at their end ("| 3.其他 | 0 | 2 | 0 | 0 | 0 | 0 | 2 |  |"); the blank-merged form begins "|  | 2.…".
        var spanless = 0;
        var rowsWithLabelColumns = 0;
        for (var i = 0; i < 300; i++)
        {
            var text = System.Text.Encoding.UTF8.GetString(CorpusWriter.Render(ReportFactory.Create(7, i, 0.1), Layouts.Markdown));
            var lines = text.Split('\n');
            if (lines.Any(l => l.StartsWith("|  | ", StringComparison.Ordinal) || l.StartsWith("| （三）不予公开 | 2", StringComparison.Ordinal))) rowsWithLabelColumns++;
            if (lines.Any(l => l.Length > 3 && char.IsAsciiDigit(l[2]) && l.StartsWith("| ", StringComparison.Ordinal) && l.EndsWith(" |  |", StringComparison.Ordinal) && l.Count(c => c == '|') >= 10))
                spanless++;
        }

        spanless.ShouldBeInRange(20, 70);
        rowsWithLabelColumns.ShouldBeGreaterThan(60);
    }

    [Fact]
    public void One_pdf_text_in_five_is_saved_as_pdf_parse_writes_it()
    {
        // pdf-parse's mark after every page where pdftotext writes a form feed, the page's number in pdf.js's pieces.
        var saved = 0;
        for (var i = 0; i < 200; i++)
        {
            var g = ReportFactory.Create(5, i, 0.1);
            var rendered = CorpusWriter.Render(g, Layouts.TextPdfPlain);
            var bytes = PdfParseSaving.Apply(rendered, g.QuirkSeed);
            if (bytes == rendered) continue;
            saved++;
            var text = Encoding.UTF8.GetString(bytes);
            var pages = Encoding.UTF8.GetString(rendered).Split('\f').Count(p => p.Trim().Length > 0);
            text.ShouldNotContain('\f');
            text.ShouldEndWith($"\n\n-- {pages} of {pages} --\n\n");
            text.ShouldContain("\n\n-- 1 of ");
            text.ShouldContain("- \t1 \t-");
            text.ShouldNotContain("\n-1-\n");
        }

        saved.ShouldBeInRange(20, 65);
        PdfParseSaving.Applies(Layouts.TextPdfPlain).ShouldBeTrue();
        PdfParseSaving.Applies(Layouts.TextTab).ShouldBeFalse();
    }

    [Fact]
    public void One_text_in_twenty_five_is_followed_by_another_agencys_report()
    {
        var bound = 0;
        foreach (var layout in (string[])[Layouts.TextTab, Layouts.TextCell, Layouts.Markdown])
        {
            BoundSaving.Applies(layout).ShouldBeTrue();
            for (var i = 0; i < 300; i++)
            {
                var g = ReportFactory.Create(5, i, 0.1);
                var rendered = CorpusWriter.Render(g, layout);
                var other = BoundSaving.Other(5, i, 0.1);
                var saved = BoundSaving.Apply(rendered, g.QuirkSeed, () => CorpusWriter.Render(other, layout));
                if (saved == rendered) continue;
                bound++;
                other.Report.Agency.ShouldNotBe(g.Report.Agency);
                saved.ShouldBe([.. rendered, .. "\n\n"u8, .. CorpusWriter.Render(other, layout)]);
            }
        }

        bound.ShouldBeInRange(15, 65);
        BoundSaving.Applies(Layouts.Pdf).ShouldBeFalse();
    }

    [Fact]
    public void One_page_or_copied_text_in_twenty_carries_invisible_characters_in_its_text_only()
    {
        var carried = new Dictionary<string, int>();
        var invisible = new[] { '\u200B', '\uFEFF', '\u00AD', '\u2060' };
        foreach (var layout in (string[])[Layouts.HtmlTrs, Layouts.HtmlHanwebGbk, Layouts.Markdown, Layouts.TextBoxDraw])
        {
            InvisibleCharacterSaving.Applies(layout).ShouldBeTrue();
            for (var i = 0; i < 300; i++)
            {
                var g = ReportFactory.Create(5, i, 0.1);
                var rendered = CorpusWriter.Render(g, layout);
                var saved = InvisibleCharacterSaving.Apply(rendered, layout, g.QuirkSeed);
                if (saved == rendered) continue;
                carried[layout] = carried.GetValueOrDefault(layout) + 1;
                if (layout == Layouts.HtmlHanwebGbk)
                {
                    // GBK has no such characters: the page writes them as entities, and its bytes are GBK still.
                    var page = Encoding.GetEncoding("GB18030").GetString(saved);
                    page.ShouldContain("&#8203;");
                    page.IndexOfAny(invisible).ShouldBe(-1);
                    var plain = page.Replace("&#8203;", "").Replace("&#xFEFF;", "").Replace("&shy;", "").Replace("&#8288;", "");
                    Encoding.GetEncoding("GB18030").GetBytes(plain).ShouldBe(rendered);
                    continue;
                }

                var text = Encoding.UTF8.GetString(saved);
                text.Count(c => invisible.Contains(c)).ShouldBeGreaterThan(20);
                new string(text.Where(c => !invisible.Contains(c)).ToArray()).ShouldBe(Encoding.UTF8.GetString(rendered));
                if (layout == Layouts.HtmlTrs)
                {
                    // Never inside a tag: the markup is the rendered page's, character for character.
                    System.Text.RegularExpressions.Regex.Matches(text, "<[^>]*>").Select(m => m.Value)
                        .ShouldBe(System.Text.RegularExpressions.Regex.Matches(Encoding.UTF8.GetString(rendered), "<[^>]*>").Select(m => m.Value));
                }
            }
        }

        carried.Keys.Count.ShouldBe(4);
        carried.Values.Sum().ShouldBeInRange(25, 100);
        InvisibleCharacterSaving.Applies(Layouts.TextPdftotext).ShouldBeFalse();
    }

    [Fact]
    public void One_portal_page_in_twenty_is_saved_as_a_web_archive_that_holds_the_page_as_served()
    {
        var archived = 0;
        foreach (var layout in (string[])[Layouts.HtmlTrs, Layouts.HtmlHanwebGbk])
        {
            for (var i = 0; i < 300; i++)
            {
                var g = ReportFactory.Create(5, i, 0.1);
                var rendered = CorpusWriter.Render(g, layout);
                var saved = WebArchiveSaving.Apply(rendered, g.QuirkSeed);
                if (saved == rendered) continue;
                archived++;
                Encoding.ASCII.GetString(saved, 0, 24).ShouldBe("From: <Saved by Blink>\r\n");
                using var stream = new MemoryStream(saved);
                var message = MimeKit.MimeMessage.Load(stream, TestContext.Current.CancellationToken);
                var page = message.BodyParts.OfType<MimeKit.MimePart>().First();
                page.ContentType.MimeType.ShouldBe("text/html");
                using var decoded = new MemoryStream();
                page.Content.ShouldNotBeNull().DecodeTo(decoded, TestContext.Current.CancellationToken);
                decoded.ToArray().ShouldBe(rendered);
                message.BodyParts.Count().ShouldBe(2);
            }
        }

        archived.ShouldBeInRange(12, 55);
    }

    [Fact]
    public async Task The_same_options_write_the_same_bytes()
    {
        var options = new CorpusOptions(10, 3, Layouts.WithoutPdf);
        var a = await new CorpusWriter().WriteAsync(Path.Combine(_temp.FullName, "a"), options, null, Ct);
        var b = await new CorpusWriter().WriteAsync(Path.Combine(_temp.FullName, "b"), options, null, Ct);
        var c = await new CorpusWriter().WriteAsync(Path.Combine(_temp.FullName, "c"), options with { Seed = 4 }, null, Ct);
        foreach (var name in Directory.GetFiles(a.Directory).Select(Path.GetFileName))
        {
            File.ReadAllBytes(Path.Combine(b.Directory, name!)).ShouldBe(File.ReadAllBytes(Path.Combine(a.Directory, name!)), name);
        }

        Directory.GetFiles(a.Directory, "*.expected.json").Count(f => File.ReadAllText(f) == File.ReadAllText(Path.Combine(c.Directory, Path.GetFileName(f))))
            .ShouldBe(0);
    }

    [Fact]
    public async Task Report_i_uses_layout_i_modulo_the_layouts_chosen()
    {
        var manifest = await new CorpusWriter().WriteAsync(_temp.FullName, new CorpusOptions(5, 1, [Layouts.HtmlHanwebGbk, Layouts.TextTab]), null, Ct);
        manifest.Entries.Select(e => e.File).ShouldBe(["00000.html", "00001.txt", "00002.html", "00003.txt", "00004.html"]);
    }

    [Fact]
    public async Task Options_that_make_no_sense_are_refused_before_anything_is_written()
    {
        var dir = Path.Combine(_temp.FullName, "refused");
        await Should.ThrowAsync<ArgumentException>(() => new CorpusWriter().WriteAsync(dir, new CorpusOptions(3, 1, []), null, Ct));
        (await Should.ThrowAsync<ArgumentException>(() => new CorpusWriter().WriteAsync(dir, new CorpusOptions(3, 1, ["rtf"]), null, Ct)))
            .Message.ShouldContain(Layouts.HtmlHanwebGbk);
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => new CorpusWriter().WriteAsync(dir, new CorpusOptions(3, 1, Layouts.All, 1.5), null, Ct));
        Directory.Exists(dir).ShouldBeFalse();
    }

    [Fact]
    public async Task A_cancelled_run_stops()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => new CorpusWriter().WriteAsync(_temp.FullName, new CorpusOptions(3, 1, Layouts.WithoutPdf), null, cts.Token));
    }

    [Fact]
    public async Task A_printer_that_fails_halfway_leaves_the_folder_as_it_was()
    {
        // The text reports are made first and the prints last: none of them may be left without the rest.
        var dir = Path.Combine(_temp.FullName, "corpus");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "the user's own file");
        var writer = new CorpusWriter(printer: new FailingPrinter());
        var error = await Should.ThrowAsync<IOException>(() => writer.WriteAsync(dir, new CorpusOptions(6, 1, [Layouts.TextTab, Layouts.PdfBrowser]), null, Ct));
        error.Message.ShouldContain("printer gave up");
        Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).ShouldBe(["keep.txt"]);
    }

    private sealed class FailingPrinter : IPagePrinter
    {
        public Task PrintAsync(IReadOnlyList<PagePrint> pages, IProgress<int>? printed, CancellationToken ct)
        {
            File.WriteAllBytes(pages[0].Pdf, [0x25, 0x50, 0x44, 0x46]);
            printed?.Report(1);
            throw new IOException("the printer gave up on the second page");
        }
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the test wants the values in order, now.</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
