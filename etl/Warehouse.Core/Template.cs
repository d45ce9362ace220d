namespace Warehouse.Core;

/// <summary>The national report template: 国办公开办函〔2019〕60号 or 〔2021〕30号.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1712", Justification = "Template2019 is the template's name as readers say it; a bare Y2019 would read as a year.")]
public enum Template
{
    Template2019,
    Template2021,
}

public static class TemplateCodes
{
    public static string Code(this Template t) => t == Template.Template2019 ? "2019" : "2021";
}
