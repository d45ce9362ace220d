using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Warehouse.Parsing;

namespace Warehouse.Load.Tests;

/// <summary>
/// The warehouse's counters (documents sniffed, documents read by the intake) as the code run in
/// this test's async flow adds to them: tests run in parallel, and each sees only its own work
/// (the listener's callback runs on the thread that counts, in that flow's execution context).
/// </summary>
public sealed class Measured : IDisposable
{
    private static readonly AsyncLocal<Measured?> Current = new();

    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, string?> Tags)> _seen = new();

    private Measured()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name is DocumentSniffer.MeterName or DocumentIntake.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (Current.Value != this) return;
            var named = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var tag in tags) named[tag.Key] = tag.Value?.ToString();
            _seen.Enqueue((instrument.Name, value, named));
        });
        _listener.Start();
    }

    /// <summary>Starts counting what this test's flow (and the tasks it starts from now on) adds.</summary>
    public static Measured Start()
    {
        var measured = new Measured();
        Current.Value = measured;
        return measured;
    }

    /// <summary>Calls of DocumentSniffer.Sniff.</summary>
    public long Sniffs => _seen.Where(s => s.Instrument == DocumentSniffer.SniffCounterName).Sum(s => s.Value);

    /// <summary>Documents the intake read (not those it knew by their hash), with the tags each was counted with.</summary>
    public IReadOnlyList<Dictionary<string, string?>> IntakeDocuments =>
        [.. _seen.Where(s => s.Instrument == DocumentIntake.DocumentCounterName).Select(s => s.Tags)];

    /// <summary>Forgets what was counted so far (between the steps of one test).</summary>
    public void Reset() => _seen.Clear();

    public void Dispose()
    {
        Current.Value = null;
        _listener.Dispose();
    }
}
