using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Warehouse.Parsing.Pdf;

/// <summary>
/// A page as its text reads. A landscape table printed sideways on a portrait sheet (Acrobat Distiller's
/// auto-rotate, a printer driver's landscape, a scan set upright by <c>/Rotate</c>) draws its letters running
/// up or down the paper, and an upside-down scan draws them right to left: in PDF space its lines are columns.
/// When most of a page's letters run one of those ways, the page is turned by quarter turns until they run
/// left to right: its letters, its rules and its pictures alike, its width and height swapped for a quarter
/// turn. A page whose text runs left to right is read as it is (<see cref="Turned"/> false).
/// </summary>
/// <remarks>
/// Coordinates are PDF points with the origin at the turned page's bottom left. PdfPig already gives a page as a
/// viewer shows it (its crop box's corner at the origin, its <c>/Rotate</c> applied), so a sideways page that
/// <c>/Rotate</c> sets upright reads upright; the turn here is for the rest, decided from the letters' baselines
/// (<see cref="Letter.StartBaseLine"/> to <see cref="Letter.EndBaseLine"/>).
/// </remarks>
internal sealed class UprightPage
{
    private readonly PdfRectangle bounds;
    private readonly Direction direction;

    private UprightPage(Page page, Direction direction, HashSet<string> nameless)
    {
        Page = page;
        this.direction = direction;
        // PdfPig puts the crop box's corner at the origin and applies /Rotate: the page as a viewer shows it.
        bounds = new PdfRectangle(0, 0, page.Width, page.Height);
        (Width, Height) = direction is Direction.Up or Direction.Down ? (bounds.Height, bounds.Width) : (bounds.Width, bounds.Height);
        var letters = nameless.Count == 0 ? page.Letters : page.Letters.Select(l => nameless.Contains(l.FontDetails.Name) ? Read(l, NamelessGlyphs.Unknown) : l).ToList();
        Letters = direction == Direction.Right ? letters : letters.Select(Turn).ToList();
    }

    // Which way a line of the page's text runs on the paper.
    private enum Direction
    {
        Right,
        Up,
        Down,
        Left,
    }

    /// <summary>The page as PdfPig read it.</summary>
    public Page Page { get; }

    /// <summary>Whether the page's text ran other than left to right and the page was turned.</summary>
    public bool Turned => direction != Direction.Right;

    /// <summary>The turned page's width (PDF points).</summary>
    public double Width { get; }

    /// <summary>The turned page's height (PDF points).</summary>
    public double Height { get; }

    /// <summary>The page's letters, their boxes and baselines turned with the page.</summary>
    public IReadOnlyList<Letter> Letters { get; }

    /// <summary>
    /// The page, turned when most of its letters (not counting spaces) run one way other than left to right; the letters
    /// of the fonts named in <paramref name="nameless"/> (<see cref="NamelessGlyphs"/>) read as U+FFFD.
    /// </summary>
    public static UprightPage Of(Page page, HashSet<string>? nameless = null)
    {
        int right = 0, up = 0, down = 0, left = 0;
        foreach (var letter in page.Letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value)) continue;
            double dx = letter.EndBaseLine.X - letter.StartBaseLine.X, dy = letter.EndBaseLine.Y - letter.StartBaseLine.Y;
            if (Math.Abs(dx) >= Math.Abs(dy))
            {
                if (dx >= 0) right++;
                else left++;
            }
            else if (dy > 0)
            {
                up++;
            }
            else
            {
                down++;
            }
        }

        var most = Math.Max(Math.Max(up, down), left);
        var direction = most * 2 <= right + up + down + left ? Direction.Right
            : most == up ? Direction.Up
            : most == down ? Direction.Down
            : Direction.Left;
        return new UprightPage(page, direction, nameless ?? []);
    }

    /// <summary>A point of the page, turned with it.</summary>
    public PdfPoint Map(PdfPoint p) => direction switch
    {
        // A quarter turn clockwise: what ran up runs right.
        Direction.Up => new PdfPoint(p.Y - bounds.Bottom, bounds.Right - p.X),
        // A quarter turn counter-clockwise: what ran down runs right.
        Direction.Down => new PdfPoint(bounds.Top - p.Y, p.X - bounds.Left),
        Direction.Left => new PdfPoint(bounds.Right - p.X, bounds.Top - p.Y),
        _ => p,
    };

    /// <summary>A rectangle of the page, turned with it: the upright box around its turned corners.</summary>
    public PdfRectangle Map(PdfRectangle r)
    {
        if (direction == Direction.Right) return r;
        PdfPoint a = Map(r.BottomLeft), b = Map(r.BottomRight), c = Map(r.TopLeft), d = Map(r.TopRight);
        return new PdfRectangle(
            Math.Min(Math.Min(a.X, b.X), Math.Min(c.X, d.X)), Math.Min(Math.Min(a.Y, b.Y), Math.Min(c.Y, d.Y)),
            Math.Max(Math.Max(a.X, b.X), Math.Max(c.X, d.X)), Math.Max(Math.Max(a.Y, b.Y), Math.Max(c.Y, d.Y)));
    }

    private static Letter Read(Letter letter, string value) => new(
        value, letter.BoundingBox, letter.GlyphRectangleLoose, letter.StartBaseLine, letter.EndBaseLine,
        letter.Width, letter.FontSize, letter.FontDetails, letter.RenderingMode, letter.StrokeColor, letter.FillColor, letter.PointSize, letter.TextSequence);

    private Letter Turn(Letter letter) => new(
        letter.Value, Map(letter.BoundingBox), Map(letter.GlyphRectangleLoose), Map(letter.StartBaseLine), Map(letter.EndBaseLine),
        letter.Width, letter.FontSize, letter.FontDetails, letter.RenderingMode, letter.StrokeColor, letter.FillColor, letter.PointSize, letter.TextSequence);
}
