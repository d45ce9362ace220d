using Warehouse.Office;

namespace Warehouse.Cli;

/// <summary>Converts legacy .doc/.wps attachments to DOCX with headless LibreOffice, when it is installed.</summary>
public sealed class LegacyConverter
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public bool IsAvailable => Soffice.Find() is not null;

    public async Task<(byte[]? Docx, string? Error)> ToDocxAsync(string path, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("warehouse-legacy-");
        try
        {
            await Soffice.ConvertAsync([path], "docx", work.FullName, Timeout, ct);
            var output = Directory.GetFiles(work.FullName, "*.docx").FirstOrDefault();
            return output is null
                ? (null, "LibreOffice could not convert the legacy document to DOCX (damaged or password-protected?)")
                : (await File.ReadAllBytesAsync(output, ct), null);
        }
        catch (OfficeException e)
        {
            return (null, $"a legacy .doc/.wps document: {e.Message}");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
