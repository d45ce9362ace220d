using System.Diagnostics;

namespace Warehouse.Corpus;

/// <summary>Runs poppler's <c>pdftotext -layout</c>, as archives and OCR pipelines extract the text of PDF reports.</summary>
public static class Pdftotext
{
    public const string InstallHint = "The text-pdftotext layout needs poppler: apt-get install poppler-utils";

    /// <summary>The pdftotext executable on PATH, or null.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "pdftotext"))
            .FirstOrDefault(File.Exists);

    /// <summary>Writes the text of <paramref name="pdf"/> to <paramref name="txt"/> (UTF-8).</summary>
    public static async Task ExtractAsync(string pdf, string txt, CancellationToken ct)
    {
        var program = Find() ?? throw new InvalidOperationException(InstallHint);
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-layout", "-enc", "UTF-8", pdf, txt }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new IOException($"pdftotext exited with {process.ExitCode} on {pdf}: {(await stderr).Trim()}");
    }
}
