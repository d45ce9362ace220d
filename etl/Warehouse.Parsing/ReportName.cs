using Warehouse.Parsing.Extraction;

namespace Warehouse.Parsing;

/// <summary>
/// The agency and year a document is named for by what surrounds it (its file name, the link's or the
/// article's title), read as report titles are (<c>X2023年政府信息公开工作年度报告</c> and its other forms).
/// It ties a document that cannot be read (a scan without a text layer, say) to the report it stands for.
/// </summary>
/// <param name="Agency">The agency's name as the title writes it (keyed like a loaded report's agency by the loader).</param>
/// <param name="Year">The year reported on.</param>
public sealed record ReportName(string Agency, int Year)
{
    /// <summary>
    /// The first agency and the first year the names give, each from whichever names it (the link's title
    /// may hold the agency and the file name the year); null unless both are found. Null names are skipped.
    /// </summary>
    public static ReportName? Find(params IEnumerable<string?> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        string? agency = null;
        int? year = null;
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || TitleForms.Match(name) is not { } title) continue;
            agency ??= title.Agency;
            year ??= title.Year;
        }

        return agency is not null && year is not null ? new ReportName(agency, year.Value) : null;
    }
}
