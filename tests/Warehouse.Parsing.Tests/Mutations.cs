using System.Text;

namespace Warehouse.Parsing.Tests;

/// <summary>Damage that real extraction does to report text, applied at random.</summary>
internal static class Mutations
{
    public const int Kinds = 5;

    static Mutations()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static string Describe(int kind) => kind switch
    {
        0 => "drop a tab",
        1 => "split a label over two lines",
        2 => "page-break noise inside a paragraph",
        3 => "a page number line between lines",
        _ => "re-encode as GB18030",
    };

    public static byte[] Apply(string text, int kind, Random rng) => kind switch
    {
        0 => Utf8(DropTab(text, rng)),
        1 => Utf8(SplitLabel(text, rng)),
        2 => Utf8(PageBreak(text, rng)),
        3 => Utf8(PageNumber(text, rng)),
        _ => Encoding.GetEncoding("GB18030").GetBytes(text),
    };

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static string DropTab(string text, Random rng)
    {
        var tabs = Positions(text, c => c == '\t');
        if (tabs.Count == 0) return text;
        var at = tabs[rng.Next(tabs.Count)];
        return text.Remove(at, 1);
    }

    // A newline inside a run of Chinese characters that is part of a table label.
    private static string SplitLabel(string text, Random rng)
    {
        var lines = text.Split('\n');
        var labelled = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains('\t') && lines[i].Count(IsCjk) >= 4).ToList();
        if (labelled.Count == 0) return text;
        var i = labelled[rng.Next(labelled.Count)];
        var cjk = Positions(lines[i], IsCjk);
        var at = cjk[1 + rng.Next(cjk.Count - 2)];
        lines[i] = lines[i][..at] + "\n" + lines[i][at..];
        return string.Join('\n', lines);
    }

    private static string PageBreak(string text, Random rng)
    {
        var lines = text.Split('\n');
        var prose = Enumerable.Range(0, lines.Length).Where(i => !lines[i].Contains('\t') && lines[i].Length > 40).ToList();
        if (prose.Count == 0) return text;
        var i = prose[rng.Next(prose.Count)];
        var at = 5 + rng.Next(lines[i].Length - 10);
        lines[i] = lines[i][..at] + "\n\n" + lines[i][at..];
        return string.Join('\n', lines);
    }

    private static string PageNumber(string text, Random rng)
    {
        var lines = text.Split('\n').ToList();
        lines.Insert(1 + rng.Next(lines.Count - 1), $"- {1 + rng.Next(9)} -");
        return string.Join('\n', lines);
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static List<int> Positions(string s, Func<char, bool> where) =>
        Enumerable.Range(0, s.Length).Where(i => where(s[i])).ToList();
}
