namespace Warehouse.Bench;

/// <summary><c>bench serve</c>: <paramref name="Jobs"/> jobs scheduled half a second apart, serve polling every <paramref name="PollSeconds"/>.</summary>
public sealed record ServeBenchOptions(int Jobs, int PollSeconds);
