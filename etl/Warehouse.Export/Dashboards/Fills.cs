namespace Warehouse.Export.Dashboards;

/// <summary>The fills a dashboard may name for alerts and highlights, as Excel-style colours.</summary>
public static class Fills
{
    private static readonly Dictionary<string, string> Colours = new(StringComparer.Ordinal)
    {
        ["red"] = "#F4B6B6",
        ["yellow"] = "#FFE699",
        ["green"] = "#C6E0B4",
        ["grey"] = "#D9D9D9",
    };

    public static IEnumerable<string> Names => Colours.Keys;

    public static bool Known(string name) => Colours.ContainsKey(name);

    public static string Html(string name) => Colours[name];

    /// <summary>The fill's name as a cover says it (红色, 黄色, 绿色, 灰色).</summary>
    public static string Chinese(string name) => name switch
    {
        "red" => "红色",
        "yellow" => "黄色",
        "green" => "绿色",
        _ => "灰色",
    };
}
