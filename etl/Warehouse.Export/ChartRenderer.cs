using System.Globalization;
using ScottPlot;
using Warehouse.Export.Dashboards;

namespace Warehouse.Export;

/// <summary>
/// Draws a dashboard chart from a summary table's rows as a PNG (ScottPlot), in the CJK font
/// the product carries (<see cref="ChartFont"/>): ScottPlot's automatic choice falls back to a
/// Latin font and draws Chinese as boxes, and a fresh machine has no CJK font to name.
/// </summary>
public static class ChartRenderer
{
    /// <summary>The font name charts are drawn in (<see cref="ChartFont.Name"/>).</summary>
    public const string CjkFont = ChartFont.Name;
    public const int Width = 960;
    public const int Height = 480;

    private static readonly string[] Palette = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#264478", "#9E480E"];

    /// <summary>The PNG, or null when the table has no rows to draw.</summary>
    /// <param name="warnings">Gets a sentence for each character no carried glyph draws (see <see cref="ChartFont.Check"/>).</param>
    public static byte[]? Render(ChartSpec chart, TableResult table, ICollection<string>? warnings = null)
    {
        if (table.Rows.Count == 0) return null;
        // A spread table (values of one field as columns) is drawn with a series per column.
        var spread = table.Columns.Select((c, i) => (c, i)).Where(x => x.c.Field.StartsWith("spread", StringComparison.Ordinal) && x.c.Spec?.Field == chart.Value).ToList();
        if (table.Columns.Any(c => c.Field.StartsWith("spread", StringComparison.Ordinal)) != spread.Count > 0) return null;
        if (spread.Count > 0)
        {
            var category = Index(table, chart.Category);
            var valueColumn = spread[0].c;
            var longRows = table.Rows.SelectMany(r => spread.Select(x => new[] { r[category], x.c.Caption, r[x.i] })).ToList<object?[]>();
            table = table with
            {
                Columns = [table.Columns[category], new OutputColumn("series", "", null, null), valueColumn with { Field = "value", Caption = valueColumn.Spec?.Caption ?? chart.Value }],
                Rows = longRows,
            };
            chart = chart with { Series = "series", Value = "value" };
        }

        var ci = Index(table, chart.Category);
        var vi = Index(table, chart.Value);
        var si = chart.Series is null ? -1 : Index(table, chart.Series);
        var rows = table.Rows.Where(r => r[vi] is not null).ToList();
        if (rows.Count == 0) return null;

        var categories = rows.Select(r => Text(r[ci])).Distinct().ToList();
        if (chart.Top is { } top) categories = categories.Take(top).ToList();
        var series = si < 0 ? [""] : rows.Select(r => Text(r[si])).Distinct().ToList();
        var value = table.Columns[vi];
        var horizontal = chart.Type == ChartKind.HorizontalBar;

        // Horizontal bars list the first category at the top.
        double At(int i) => horizontal ? categories.Count - 1 - i : i;
        var percent = DashboardChecker.IsRate(value.Field) || value.Format is "percent";

        var plot = new Plot();
        var legend = new List<LegendItem>();
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Color.FromHex(Palette[s % Palette.Length]);
            legend.Add(chart.Type == ChartKind.Line
                ? new LegendItem { LabelText = series[s], LineColor = colour, LineWidth = 2, MarkerShape = MarkerShape.FilledCircle, MarkerFillColor = colour, MarkerSize = 6 }
                : new LegendItem { LabelText = series[s], FillColor = colour });
            var points = categories.Select((c, i) => (i, v: rows.FirstOrDefault(r => Text(r[ci]) == c && (si < 0 || Text(r[si]) == series[s])) is { } row ? Number(row[vi]) : (double?)null))
                .Where(p => p.v is not null)
                .Select(p => (x: At(p.i), y: p.v!.Value * (percent ? 100 : 1)))
                .ToList();
            if (chart.Type == ChartKind.Line)
            {
                var line = plot.Add.Scatter(points.Select(p => p.x).ToArray(), points.Select(p => p.y).ToArray(), colour);
                line.LineWidth = 2;
                line.MarkerSize = 6;
            }
            else
            {
                var width = 0.8 / series.Count;
                var bars = points.Select(p => new Bar
                {
                    Position = p.x - 0.4 + (width * (s + 0.5)),
                    Value = p.y,
                    Size = width * 0.92,
                    FillColor = colour,
                    LineWidth = 0,
                }).ToList();
                var plotted = plot.Add.Bars(bars);
                plotted.Horizontal = horizontal;
            }
        }

        var ticks = categories.Select((c, i) => new Tick(At(i), Shorten(c))).ToArray();
        var valueLabel = value.Caption + (percent ? " (%)" : "");
        if (horizontal)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
            plot.Axes.Bottom.Label.Text = valueLabel;
            plot.Axes.Margins(left: 0);
        }
        else
        {
            var slanted = categories.Count > 8 || categories.Any(c => Shorten(c).Length > 6);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
            plot.Axes.Bottom.TickLabelStyle.Rotation = slanted ? 45 : 0;
            plot.Axes.Bottom.TickLabelStyle.Alignment = slanted ? Alignment.MiddleLeft : Alignment.UpperCenter;
            plot.Axes.Bottom.MinimumSize = slanted ? 110 : 30;
            plot.Axes.Left.Label.Text = valueLabel;
            if (chart.Type == ChartKind.Bar) plot.Axes.Margins(bottom: 0);
        }

        plot.Title(chart.Title);
        if (si >= 0) plot.ShowLegend(Edge.Right);
        else plot.HideLegend();
        var font = ChartFont.Check(chart.Title, [chart.Title, valueLabel, .. ticks.Select(t => t.Label), .. series], warnings);
        plot.Font.Set(font);

        // ScottPlot centres text by Latin metrics; Noto Sans CJK's taller ascent draws tick labels
        // about 0.8 em above their ticks. Measured on rendered PNGs and shifted back.
        plot.Axes.Left.TickLabelStyle.OffsetY = plot.Axes.Left.TickLabelStyle.FontSize * 0.8f;
        plot.Axes.Bottom.TickLabelStyle.OffsetY = plot.Axes.Bottom.TickLabelStyle.FontSize * 0.4f;

        // The left axis's title, turned upright, rides out of the picture the same way: shifted back in.
        plot.Axes.Left.Label.OffsetX = plot.Axes.Left.Label.FontSize * 0.8f;

        // The legend's labels ride up the same way; its items are made here so that they can be shifted back.
        foreach (var item in legend)
        {
            item.LabelFontName = font;
            item.LabelOffsetY = plot.Axes.Left.TickLabelStyle.FontSize * 0.35f;
        }

        plot.Legend.ManualItems.AddRange(legend);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Long labels (a disposal category runs to 40 characters) would leave no room for the bars.</summary>
    private static string Shorten(string label) => label.Length <= 14 ? label : label[..13] + "…";

    private static int Index(TableResult table, string field)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (table.Columns[i].Field == field) return i;
        }

        throw new ArgumentException($"Table {table.Name} has no column {field}.", nameof(field));
    }

    private static string Text(object? value) => value switch
    {
        null => "—",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static double? Number(object? value) => value switch
    {
        null => null,
        IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    };
}
