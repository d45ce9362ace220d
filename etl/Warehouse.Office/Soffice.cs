using System.Diagnostics;
using Warehouse.Core;

namespace Warehouse.Office;

/// <summary>
/// Headless LibreOffice: converts documents, a batch of files per process (starting soffice
/// costs seconds, converting a page a fraction of one). Each call has its own profile folder,
/// so that several conversions can run at once.
/// </summary>
public static class Soffice
{
    public const string InstallHint = "LibreOffice is needed: apt-get install libreoffice-writer fonts-noto-cjk";

    /// <summary>The soffice executable on PATH, or null.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(d => new[] { Path.Combine(d, "soffice"), Path.Combine(d, "libreoffice") })
            .FirstOrDefault(File.Exists);

    /// <summary>Converts <paramref name="files"/> into <paramref name="outDir"/>; <paramref name="format"/> is soffice's --convert-to value.</summary>
    /// <exception cref="OfficeException">LibreOffice is missing, failed, or ran past <paramref name="timeout"/>.</exception>
    public static async Task ConvertAsync(IReadOnlyList<string> files, string format, string outDir, TimeSpan timeout, CancellationToken ct)
    {
        var soffice = Find() ?? throw new OfficeException(InstallHint);
        var profile = Directory.CreateTempSubdirectory("warehouse-soffice-");
        try
        {
            var start = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { $"-env:UserInstallation={new Uri(profile.FullName).AbsoluteUri}", "--headless", "--norestore", "--convert-to", format, "--outdir", outDir }) start.ArgumentList.Add(arg);
            foreach (var file in files) start.ArgumentList.Add(Path.GetFullPath(file));
            using var process = Process.Start(start) ?? throw new OfficeException("soffice did not start");
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (ct.IsCancellationRequested) throw;
                throw new OfficeException($"LibreOffice did not convert {files.Count} file(s) within {timeout.TotalMinutes:0.#} minutes");
            }

            await Task.WhenAll(stdout, stderr);
            if (process.ExitCode != 0) throw new OfficeException($"soffice exited with {process.ExitCode}: {(await stderr).Trim()}");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}

/// <summary>LibreOffice is missing or could not convert; the message says which.</summary>
public sealed class OfficeException(string message) : UserFacingException(message);
