using System.Diagnostics;

namespace Warehouse.Corpus;

/// <summary>
/// Converts with headless LibreOffice, a batch of files per process (starting soffice costs
/// seconds; converting a page costs a fraction of one). Each run has its own profile folder so
/// that several runs can convert at once.
/// </summary>
public sealed class SofficePdfConverter(int batchSize = 100, TimeSpan? timeoutPerBatch = null) : IPdfConverter
{
    public const string InstallHint = "PDF layout needs LibreOffice: apt-get install libreoffice-writer fonts-noto-cjk";

    private readonly TimeSpan _timeout = timeoutPerBatch ?? TimeSpan.FromMinutes(10);

    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(d => new[] { Path.Combine(d, "soffice"), Path.Combine(d, "libreoffice") })
            .FirstOrDefault(File.Exists);

    public async Task ConvertAsync(IReadOnlyList<string> docxPaths, string outDir, CancellationToken ct)
    {
        var soffice = Find() ?? throw new InvalidOperationException(InstallHint);
        var profile = Directory.CreateTempSubdirectory("warehouse-soffice-");
        try
        {
            foreach (var batch in docxPaths.Chunk(batchSize))
            {
                await RunAsync(soffice, profile.FullName, batch, outDir, ct);
                var missing = batch.Where(p => !File.Exists(Path.Combine(outDir, Path.GetFileNameWithoutExtension(p) + ".pdf"))).ToList();
                if (missing.Count > 0)
                {
                    throw new InvalidOperationException($"LibreOffice did not convert {missing.Count} file(s), e.g. {missing[0]}");
                }
            }
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private async Task RunAsync(string soffice, string profile, string[] files, string outDir, CancellationToken ct)
    {
        var start = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { $"-env:UserInstallation={new Uri(profile).AbsoluteUri}", "--headless", "--norestore", "--convert-to", "pdf:writer_pdf_Export", "--outdir", outDir }) start.ArgumentList.Add(arg);
        foreach (var file in files) start.ArgumentList.Add(file);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested) throw;
            throw new TimeoutException($"LibreOffice did not convert {files.Length} files within {_timeout.TotalMinutes} minutes");
        }

        await Task.WhenAll(stdout, stderr);
        if (process.ExitCode != 0) throw new InvalidOperationException($"soffice exited with {process.ExitCode}: {(await stderr).Trim()}");
    }
}
