using Shouldly;
using SkiaSharp;
using Warehouse.Core.Regions;
using Warehouse.Core;
using Warehouse.Export.Dashboards;

namespace Warehouse.Export.Tests;

/// <summary>
/// Charts draw Chinese in the font the product carries, not in whatever the machine has: its
/// glyphs are there for everything the product draws, a drawn character is not the
/// missing-glyph box, and a character no font has is said, never drawn as a box in silence.
/// </summary>
public sealed class ChartFontTests
{
    /// <summary>A code point no font has: every font draws it as its missing-glyph box (.notdef).</summary>
    private const string Unassigned = "\u0378";

    [Fact]
    public void The_carried_font_is_Noto_Sans_CJK_SC_loaded_from_the_assembly_with_its_licence_beside_it()
    {
        ChartFont.Typeface.FamilyName.ShouldBe(ChartFont.Family);
        var fonts = Path.Combine(Repo.Root, "etl", "Warehouse.Export", "Fonts");
        File.ReadAllText(Path.Combine(fonts, "LICENSE-OFL.txt")).ShouldContain("SIL OPEN FONT LICENSE Version 1.1");
        new FileInfo(Path.Combine(fonts, "NotoSansCJKsc-Regular-subset.otf")).Length.ShouldBeLessThan(4_000_000, "a subset, not the 16 MB font");
    }

    [Fact]
    public void The_carried_font_has_a_glyph_for_every_character_the_product_draws()
    {
        var texts = new List<string>();
        texts.AddRange(DivisionList.Default.Regions.Select(r => r.Name));
        texts.AddRange(DisposalCategories.All.Select(c => c.Label));
        texts.AddRange(ApplicantTypes.All.Select(a => a.Label));
        texts.AddRange(["按时发布", "逾期发布", "未注明日期", "未发布", "全部", "（%）", "—", "…"]);
        texts.AddRange(Directory.GetFiles(Path.Combine(Repo.Root, "dashboards"), "*.yaml").Select(File.ReadAllText));
        foreach (var text in texts) ChartFont.Missing(text).ShouldBeEmpty(text.Length > 40 ? text[..40] : text);

        // A hanzi outside GB 2312 and the product's own words is not carried; Missing names it.
        ChartFont.Missing("堃区").ShouldBe("堃");
    }

    [Fact]
    public void Each_Chinese_character_is_drawn_as_its_glyph_not_as_the_missing_glyph_box()
    {
        var box = Draw(Unassigned);
        Ink(box).ShouldBeGreaterThan(0, "the missing-glyph box is drawn");
        foreach (var ch in "各地区受理申请数办理结果报送情况逾期未发布总计赣州市崂山区")
        {
            var glyph = Draw(ch.ToString());
            Ink(glyph).ShouldBeGreaterThan(0, $"{ch} is drawn");
            Differ(glyph, box).ShouldBeGreaterThan(0.1, $"{ch} is not the box");
        }
    }

    [Fact]
    public void A_chart_png_draws_its_Chinese_labels_in_glyphs_and_says_so_when_no_font_has_a_character()
    {
        var chinese = new List<string>();
        var chart = Render("各地区受理申请数", ["赣州市", "南昌市", "崂山区"], chinese);
        chinese.ShouldBeEmpty("every character is carried");

        // The same chart with every label drawn as boxes, in the same font at the same places.
        var boxes = new List<string>();
        var tofu = Render(new string(Unassigned[0], 8), ["\u0378\u0378\u0378", "\u0379\u0379\u0379", "\u0380\u0380\u0380"], boxes);
        boxes.ShouldHaveSingleItem().ShouldContain("将显示为方框");

        using var a = SKBitmap.Decode(chart);
        using var b = SKBitmap.Decode(tofu);
        a.Width.ShouldBe(ChartRenderer.Width);
        // The title (top band) and the category labels (bottom band) are glyphs, not boxes.
        Differ(a, b, 0, 40).ShouldBeGreaterThan(0.01, "the title");
        Differ(a, b, a.Height - 30, a.Height).ShouldBeGreaterThan(0.005, "the category labels");

        // Nothing is cut at the picture's left edge (the upright axis title was, by CJK metrics).
        var edge = 0;
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < 3; x++)
            {
                if (a.GetPixel(x, y).Red < 200) edge++;
            }
        }

        edge.ShouldBe(0, "ink at the left edge");
    }

    [Fact]
    public void A_character_the_carried_font_lacks_is_drawn_from_an_installed_font_that_has_it_and_said()
    {
        // fonts-noto-cjk, which tests/run installs, has every hanzi of Unicode's basic block.
        var warnings = new List<string>();
        var font = ChartFont.Check("机关", ["王堃"], warnings);
        font.ShouldNotBe(ChartFont.Name);
        using var typeface = SKFontManager.Default.MatchFamily(font);
        typeface.GetGlyph('堃').ShouldNotBe((ushort)0);
        warnings.ShouldHaveSingleItem().ShouldContain("「堃」不在内置字体");
    }

    private static byte[] Render(string title, string[] categories, ICollection<string> warnings)
    {
        var columns = new[] { new OutputColumn("region", "地区", null, null), new OutputColumn("count", "件数", "count", null) };
        var rows = categories.Select((c, i) => new object?[] { c, 10L * (i + 1) }).ToList();
        var table = new TableResult("t", null, columns, rows, new BuiltQuery("", new Dapper.DynamicParameters(), columns));
        return ChartRenderer.Render(new ChartSpec("t", ChartKind.Bar, title, "region", null, "count", null, 1), table, warnings)!;
    }

    private static SKBitmap Draw(string text)
    {
        var bitmap = new SKBitmap(64, 64);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var font = new SKFont(ChartFont.Typeface, 48);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        canvas.DrawText(text, 8, 52, font, paint);
        return bitmap;
    }

    private static int Ink(SKBitmap b)
    {
        var ink = 0;
        for (var y = 0; y < b.Height; y++)
        {
            for (var x = 0; x < b.Width; x++)
            {
                if (b.GetPixel(x, y).Red < 128) ink++;
            }
        }

        return ink;
    }

    /// <summary>The share of pixels (of rows <paramref name="top"/> to <paramref name="bottom"/>) where the two differ.</summary>
    private static double Differ(SKBitmap a, SKBitmap b, int top = 0, int bottom = -1)
    {
        if (bottom < 0) bottom = a.Height;
        var differ = 0;
        for (var y = top; y < bottom; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                if (Math.Abs(a.GetPixel(x, y).Red - b.GetPixel(x, y).Red) > 64) differ++;
            }
        }

        return differ / (double)((bottom - top) * a.Width);
    }
}
