namespace Warehouse.Data;

/// <summary>Tells a read-only file or folder apart from other failures to open a SQLite file, so the error can say so.</summary>
internal static class Writable
{
    /// <summary>Why <paramref name="file"/> (or the folder it is in) cannot be written, or null when it can.</summary>
    public static string? WhyNot(string file)
    {
        try
        {
            if (File.Exists(file))
            {
                using var _ = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            }

            // SQLite writes its -wal and -shm files beside the database.
            var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
            if (Directory.Exists(folder))
            {
                using var probe = new FileStream(Path.Combine(folder, $".warehouse-probe-{Environment.ProcessId}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }
}
