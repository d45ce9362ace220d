namespace Warehouse.Corpus;

/// <summary>The external programs the generator runs (pdftotext, gs, pdftoppm, the page printers), found as a shell finds them.</summary>
internal static class ExecutableOnPath
{
    /// <summary>The full path of <paramref name="name"/> in the first folder of PATH that holds it, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
}
