using System.Globalization;
using System.Text;
using ScottPlot;
using SkiaSharp;

namespace Warehouse.Export;

/// <summary>
/// The font every chart is drawn in: Noto Sans CJK SC (SIL Open Font License 1.1), subset to
/// GB 2312 and the characters the product prints, carried inside this assembly
/// (<c>Fonts/</c>: the file, its licence, the script that made it). Charts so draw Chinese on a
/// machine that has no CJK font and no root to install one; nothing depends on fontconfig.
/// A character the subset lacks is drawn from an installed font that has it, and said so; one
/// no font has is drawn as a box, and said so louder (<see cref="Check"/>): never silently.
/// </summary>
public static class ChartFont
{
    /// <summary>The name charts ask ScottPlot for; only this class's resolver answers to it.</summary>
    public const string Name = "Warehouse Noto Sans CJK SC";

    /// <summary>The family of the carried font, as its name table gives it.</summary>
    public const string Family = "Noto Sans CJK SC";

    private const string Resource = "Warehouse.Export.Fonts.NotoSansCJKsc-Regular-subset.otf";

    private static readonly Lazy<SKTypeface> Loaded = new(Load);
    private static readonly object Gate = new();
    private static bool _registered;

    /// <summary>The carried typeface (loaded once, from the assembly).</summary>
    /// <exception cref="InvalidOperationException">The assembly was built without its font: a broken build, never a fallback.</exception>
    public static SKTypeface Typeface => Loaded.Value;

    /// <summary>Makes <see cref="Name"/> known to ScottPlot (once; every chart calls it).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered) return;
            _ = Typeface;
            Fonts.FontResolvers.Insert(0, new Resolver());
            _registered = true;
        }
    }

    /// <summary>The characters of <paramref name="text"/> the carried font has no glyph for (in order, each once; spaces and controls aside).</summary>
    public static string Missing(string text)
    {
        var missing = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune)) continue;
            if (Typeface.GetGlyph(rune.Value) == 0 && missing.ToString().IndexOf(rune.ToString(), StringComparison.Ordinal) < 0) missing.Append(rune.ToString());
        }

        return missing.ToString();
    }

    /// <summary>
    /// The font a chart of these texts is drawn in: <see cref="Name"/> when the carried font has
    /// every character; otherwise an installed font that has them all, with a warning; otherwise
    /// <see cref="Name"/> still, with a warning that names the characters drawn as boxes.
    /// </summary>
    public static string Check(string chart, IEnumerable<string> texts, ICollection<string>? warnings)
    {
        Register();
        var missing = Missing(string.Concat(texts));
        if (missing.Length == 0) return Name;

        if (Installed(missing) is { } fallback)
        {
            warnings?.Add(string.Create(CultureInfo.InvariantCulture,
                $"图表「{chart}」中的「{missing}」不在内置字体（{Family} 子集）中，改用本机字体 {fallback} 绘制。Chart {chart}: {missing} drawn in the installed font {fallback}."));
            return fallback;
        }

        warnings?.Add(string.Create(CultureInfo.InvariantCulture,
            $"图表「{chart}」中的「{missing}」在内置字体和本机字体中都没有字形，将显示为方框。Chart {chart}: no font has {missing}; they are drawn as boxes."));
        return Name;
    }

    /// <summary>
    /// An installed family with a glyph for every character of <paramref name="text"/>, Simplified
    /// Chinese ones first; null when none has. (SkiaSharp's Linux build without fontconfig
    /// matches no character by itself, so the families are asked one by one.)
    /// </summary>
    private static string? Installed(string text)
    {
        var manager = SKFontManager.Default;
        var families = manager.GetFontFamilies()
            .OrderBy(f => f.Contains("SC", StringComparison.Ordinal) ? 0 : f.Contains("CJK", StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(f => f, StringComparer.Ordinal);
        foreach (var family in families)
        {
            using var typeface = manager.MatchFamily(family);
            if (typeface is not null && Has(typeface, text)) return family;
        }

        return null;
    }

    private static bool Has(SKTypeface typeface, string text) =>
        text.EnumerateRunes().All(r => typeface.GetGlyph(r.Value) != 0);

    private static SKTypeface Load()
    {
        using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The chart font {Resource} is not in {typeof(ChartFont).Assembly.GetName().Name}: the build lost it (see etl/Warehouse.Export/Fonts).");
        var data = SKData.Create(stream);
        var typeface = SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The chart font {Resource} could not be read.");
        if (typeface.GetGlyph('区') == 0) throw new InvalidOperationException($"The chart font {Resource} has no hanzi.");
        return typeface;
    }

    /// <summary>Answers ScottPlot's requests for <see cref="Name"/> (any weight: the carried font is the regular one).</summary>
    private sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Name ? Typeface : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Name ? Typeface : null;
    }
}
