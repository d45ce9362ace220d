namespace Warehouse.Corpus.Rendering;

/// <summary>A report in reading order, before any layout: what every renderer draws.</summary>
public abstract record Part;

/// <param name="Year">The year reported on (the report is posted the year after).</param>
public sealed record TitlePart(string Agency, string Rest, int Year) : Part
{
    public string Text => Agency + Rest;
}

public sealed record HeadingPart(string Text) : Part;

public sealed record ParagraphPart(string Text) : Part;

public sealed record TablePart(Grid Grid) : Part;

/// <summary>The closing signature: the agency, then the date.</summary>
public sealed record ClosingPart(string Agency, string Date) : Part;
