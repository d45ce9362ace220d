namespace Warehouse.Core;

/// <summary>The national report template: 国办公开办函〔2019〕60号 or 〔2021〕30号.</summary>
public enum Template
{
    Template2019,
    Template2021,
}

public static class TemplateCodes
{
    public static string Code(this Template t) => t == Template.Template2019 ? "2019" : "2021";
}
