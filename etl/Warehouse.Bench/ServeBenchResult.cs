namespace Warehouse.Bench;

/// <summary>How late each job started after its scheduled time, in seconds, least first.</summary>
public sealed record ServeBenchResult(IReadOnlyList<double> Delays)
{
    /// <summary>The delay at quantile <paramref name="q"/> (0.5 the median).</summary>
    public double At(double q) => Delays[(int)Math.Min(Delays.Count - 1, Math.Floor(q * Delays.Count))];
}
