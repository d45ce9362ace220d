using Warehouse.Load;
using Warehouse.Parsing;

namespace Warehouse.Cli;

/// <summary>Reads report files from disk for parse and validate: a missing or oversized file is refused before reading.</summary>
public static class ReportFiles
{
    public static async Task<ReportReading> ReadAsync(string path, ParseOptions options, CancellationToken ct)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return new ReportReading(path, ParseResult.Reject(Directory.Exists(path) ? "is a folder, not a file" : "no such file"), []);
        }

        if (info.Length > options.MaxBytes)
        {
            // Refused before reading: a 200 MB upload must not be pulled into memory.
            return new ReportReading(path, ParseResult.Reject($"the file is {info.Length / (1024 * 1024)} MB, over the size limit of {options.MaxBytes / (1024 * 1024)} MB (--max-size)"), []);
        }

        return await DocumentReader.Default.ReadAsync(await File.ReadAllBytesAsync(path, ct), path, options, ct);
    }
}
