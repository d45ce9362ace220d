namespace Warehouse.Corpus.Rendering;

/// <summary>A report in reading order, before any layout: what every renderer draws.</summary>
public abstract record Part;

/// <param name="Year">The year reported on (the report is posted the year after).</param>
public sealed record TitlePart(string Agency, string Rest, int Year) : Part
{
    /// <summary>How the title is worded; <see cref="TitleForm.AsPrinted"/> is agency + <see cref="Rest"/>.</summary>
    public TitleForm Form { get; init; }

    /// <summary>The year as the title writes it: "2023", or in Chinese numerals ("二〇二三", "二O二三").</summary>
    public string YearText { get; init; } = Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The words that name the report after the year: "政府信息公开工作年度报告", or an office's own (<see cref="Quirks.TitleWords"/>).</summary>
    public string Words { get; init; } = Quirks.TemplateTitleWords;

    /// <summary>The title's lines: one, or two when it is split (agency, then the rest).</summary>
    public IReadOnlyList<string> Lines => Form switch
    {
        TitleForm.YearFirst => [$"{YearText}年{Agency}{Words}"],
        TitleForm.About => [$"{Agency}关于{YearText}年度{(Words.EndsWith("工作年度报告", StringComparison.Ordinal) ? Words[..^4] + "的年度报告" : Words)}"],
        TitleForm.YearInBrackets => [$"{Agency}{Words}（{YearText}年）"],
        TitleForm.AsciiSpace => [$"{Agency} {Rest}"],
        TitleForm.IdeographicSpace => [$"{Agency}\u3000{Rest}"],
        TitleForm.NoYear => [$"{Agency}{Words}"],
        TitleForm.Split => [Agency, Rest],
        TitleForm.AgencyWrapped when AgencyBreak(Agency) is { } at => [Agency[..at], Agency[at..] + Rest],
        TitleForm.YearAfterWords when Words is Quirks.TemplateTitleWords or "政府信息公开年度报告" => [$"{Agency}{Words[..^4]}{YearText}年度报告"],
        TitleForm.AboutAgency => [$"关于{Agency}{YearText}年政府信息公开工作情况的报告"],
        TitleForm.Bracketed => [$"【{Agency}】{Rest}"],
        TitleForm.Dashed => [$"{Agency}——{Rest}"],
        TitleForm.YearSetOff => [$"{Agency}（{YearText}年）{Words}"],
        TitleForm.IssuingNotice => [$"{Agency}关于印发{YearText}年{Words}的通知"],
        TitleForm.YearBare => [$"{Agency}{YearText}{Words}"],
        _ => [Agency + Rest],
    };

    /// <summary>
    /// Where a title set in two lines breaks inside the agency's name: after its last place name ("邯郸经济技术开发区" |
    /// "自然资源局…"), two characters in at least and three before its end; null when no place name ends there.
    /// </summary>
    public static int? AgencyBreak(string agency)
    {
        for (var at = agency.Length - 3; at >= 2; at--)
        {
            // Not inside a word that holds such a character: 市场, 区域.
            if ("省市县区州旗盟镇乡".Contains(agency[at - 1], StringComparison.Ordinal) && agency[at] is not ('场' or '域')) return at;
        }

        return null;
    }

    /// <summary>The title on one line.</summary>
    public string Text => string.Concat(Lines);
}

/// <summary>The wordings of titles met in practice (domain.md, "Layouts met in practice").</summary>
public enum TitleForm
{
    /// <summary>"X2023年政府信息公开工作年度报告" (or 年度), as the generator always wrote it.</summary>
    AsPrinted,

    /// <summary>"2023年X政府信息公开工作年度报告".</summary>
    YearFirst,

    /// <summary>"X关于2023年度政府信息公开工作的年度报告".</summary>
    About,

    /// <summary>"X政府信息公开工作年度报告（2023年）".</summary>
    YearInBrackets,

    /// <summary>"X 2023年政府信息公开工作年度报告".</summary>
    AsciiSpace,

    /// <summary>"X　2023年政府信息公开工作年度报告" (U+3000).</summary>
    IdeographicSpace,

    /// <summary>"X政府信息公开工作年度报告": the year only in the statistics period sentence.</summary>
    NoYear,

    /// <summary>The agency on one line (or piece), "2023年政府信息公开工作年度报告" on the next.</summary>
    Split,

    /// <summary>
    /// Two lines broken inside the agency's name, after its place names: "邯郸经济技术开发区" over
    /// "自然资源局2023年政府信息公开工作年度报告" (<see cref="TitlePart.AgencyBreak"/>; one line where it has none).
    /// </summary>
    AgencyWrapped,

    /// <summary>"X政府信息公开工作2023年度报告": the year after the report's words (agency + <see cref="TitlePart.Rest"/> for other wordings).</summary>
    YearAfterWords,

    /// <summary>"关于X2023年政府信息公开工作情况的报告": the agency after 关于.</summary>
    AboutAgency,

    /// <summary>"【X】2023年政府信息公开工作年度报告".</summary>
    Bracketed,

    /// <summary>"X——2023年政府信息公开工作年度报告".</summary>
    Dashed,

    /// <summary>"X（2023年）政府信息公开工作年度报告": the year in brackets between the agency and the report's words.</summary>
    YearSetOff,

    /// <summary>"X关于印发2023年政府信息公开工作年度报告的通知": the report published as the attachment of a notice.</summary>
    IssuingNotice,

    /// <summary>"X2023政府信息公开工作年度报告": the year without its 年.</summary>
    YearBare,
}

public sealed record HeadingPart(string Text) : Part;

public sealed record ParagraphPart(string Text) : Part;

public sealed record TablePart(Grid Grid) : Part;

/// <summary>The closing signature: the agency, then the date.</summary>
public sealed record ClosingPart(string Agency, string Date) : Part;
