using Warehouse.Parsing;

namespace Warehouse.Load;

/// <summary>Reads report files from disk for parse and validate: a missing or oversized file is refused before reading.</summary>
public static class ReportFiles
{
    public static async Task<ReportReading> ReadAsync(string path, ParseOptions options, CancellationToken ct)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return new ReportReading(path, ParseResult.Reject(Directory.Exists(path) ? "这是文件夹，不是文件 (is a folder, not a file)" : "没有这个文件 (no such file)"), []);
        }

        if (info.Length > options.MaxBytes)
        {
            // Refused before reading: a 200 MB upload must not be pulled into memory.
            return new ReportReading(path, ParseResult.Reject($"文件有 {info.Length / (1024 * 1024)} MB，超过上限 {options.MaxBytes / (1024 * 1024)} MB（--max-size）。The file is {info.Length / (1024 * 1024)} MB, over the size limit of {options.MaxBytes / (1024 * 1024)} MB"), []);
        }

        return await DocumentReader.Default.ReadAsync(await File.ReadAllBytesAsync(path, ct), path, options, ct);
    }
}
