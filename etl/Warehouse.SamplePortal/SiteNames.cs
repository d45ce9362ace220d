namespace Warehouse.SamplePortal;

/// <summary>The counties the sample sites pretend to be: real names with their real GB/T 2260 codes, so a region hint resolves.</summary>
public static class SiteNames
{
    private static readonly (string Code, string Name)[] Counties =
    [
        ("360704", "赣县区人民政府"),
        ("360724", "上犹县人民政府"),
        ("511725", "渠县人民政府"),
        ("653201", "和田市人民政府"),
        ("360781", "瑞金市人民政府"),
        ("430182", "宁乡市人民政府"),
        ("330212", "宁波市鄞州区人民政府"),
        ("441781", "阳春市人民政府"),
    ];

    public static int Count => Counties.Length;

    public static (string RegionCode, string Name) For(int site) => Counties[site];

    /// <summary>Even sites are TRS, odd ones Hanweb, so two sites already show both families.</summary>
    public static CmsStyle StyleOf(int site) => site % 2 == 0 ? CmsStyle.Trs : CmsStyle.Hanweb;
}
