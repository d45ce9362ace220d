using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Warehouse.SamplePortal;

/// <summary>Every request the sites answered, in the order their responses were sent; safe to read while requests arrive.</summary>
public sealed class RequestLog
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly List<RequestLogEntry> _entries = [];
    private readonly Lock _lock = new();

    /// <summary>A snapshot of the entries so far.</summary>
    public IReadOnlyList<RequestLogEntry> Entries
    {
        get
        {
            lock (_lock) return _entries.ToArray();
        }
    }

    public int Count
    {
        get
        {
            lock (_lock) return _entries.Count;
        }
    }

    internal void Add(RequestLogEntry entry)
    {
        lock (_lock) _entries.Add(entry);
    }

    /// <summary>Writes one JSON object per line (snake_case names), to a temporary file renamed into place.</summary>
    public void WriteJsonLines(string path)
    {
        var text = new StringBuilder();
        foreach (var e in Entries) text.Append(JsonSerializer.Serialize(e, Json)).Append('\n');
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temp, text.ToString(), new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
