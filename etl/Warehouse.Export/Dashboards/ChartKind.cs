namespace Warehouse.Export.Dashboards;

/// <summary>How a sheet's chart draws its table; a dashboard's <c>type:</c> is read into it once, by <see cref="DashboardReader"/>.</summary>
public enum ChartKind
{
    /// <summary><c>bar</c>: upright bars, one per series value.</summary>
    Bar,

    /// <summary><c>hbar</c>: horizontal bars, for long category labels.</summary>
    HorizontalBar,

    /// <summary><c>line</c>: a line per series value.</summary>
    Line,
}
