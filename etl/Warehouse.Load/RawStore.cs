using System.Security.Cryptography;

namespace Warehouse.Load;

/// <summary>
/// Document bytes by their sha256, in a folder beside the database (<c>ab/cd/abcd…</c>).
/// A file is written whole (temporary name, then rename) and never overwritten.
/// </summary>
public sealed class RawStore(string directory)
{
    public string Directory => directory;

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public string PathOf(string sha256) => Path.Combine(directory, sha256[..2], sha256[2..4], sha256);

    public async Task<string> PutAsync(byte[] bytes, CancellationToken ct)
    {
        var sha = Hash(bytes);
        var path = PathOf(sha);
        if (File.Exists(path)) return sha;
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct);
        File.Move(temp, path, overwrite: true);
        return sha;
    }

    public Task<byte[]> GetAsync(string sha256, CancellationToken ct) => File.ReadAllBytesAsync(PathOf(sha256), ct);
}
