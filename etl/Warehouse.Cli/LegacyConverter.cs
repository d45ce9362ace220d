using System.Diagnostics;

namespace Warehouse.Cli;

/// <summary>Converts legacy .doc/.wps attachments to DOCX with headless LibreOffice, when it is installed.</summary>
public sealed class LegacyConverter
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public bool IsAvailable => Soffice() is not null;

    public async Task<(byte[]? Docx, string? Error)> ToDocxAsync(string path, CancellationToken ct)
    {
        var soffice = Soffice();
        if (soffice is null) return (null, "a legacy .doc/.wps document; install LibreOffice (apt-get install libreoffice-writer) to read it");

        var work = Directory.CreateTempSubdirectory("warehouse-legacy-");
        try
        {
            var profile = new Uri(Path.Combine(work.FullName, "profile")).AbsoluteUri;
            var start = new ProcessStartInfo(soffice)
            {
                ArgumentList = { $"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx", "--outdir", work.FullName, Path.GetFullPath(path) },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (ct.IsCancellationRequested) throw;
                return (null, $"LibreOffice did not convert the document within {Timeout.TotalMinutes} minutes");
            }

            var output = Directory.GetFiles(work.FullName, "*.docx").FirstOrDefault();
            return output is null
                ? (null, "LibreOffice could not convert the document to DOCX (damaged or encrypted?)")
                : (await File.ReadAllBytesAsync(output, ct), null);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string? Soffice()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "soffice", "libreoffice" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }

        return null;
    }
}
