namespace Warehouse.Corpus.Rendering;

/// <summary>
/// How an extraction writes the template's labels: as printed ("（三）不予公开", "1.属于国家秘密"),
/// with ASCII brackets ("(三)不予公开", seed 001), or with ASCII brackets and a space after
/// the number ("(三) 不予公开", "1. 属于国家秘密", seeds 000 and 003).
/// </summary>
public sealed class LabelStyle
{
    private readonly int _variant;

    public LabelStyle(Random rng)
    {
        _variant = rng.NextDouble() switch
        {
            < 0.6 => 0,
            < 0.8 => 1,
            _ => 2,
        };
    }

    public string Apply(string label)
    {
        if (_variant == 0 || label.Length == 0) return label;
        var text = label.Replace('（', '(').Replace('）', ')');
        if (_variant == 1) return text;

        // "(三)不予公开" → "(三) 不予公开"; "1.属于" → "1. 属于".
        if (text.StartsWith('(') && text.IndexOf(')', StringComparison.Ordinal) is var close and > 0 and < 4 && close + 1 < text.Length)
        {
            return text[..(close + 1)] + " " + text[(close + 1)..];
        }

        return text.Length > 2 && char.IsAsciiDigit(text[0]) && text[1] == '.' ? text[..2] + " " + text[2..] : text;
    }
}
