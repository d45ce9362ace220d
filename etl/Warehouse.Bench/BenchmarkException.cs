using Warehouse.Core;

namespace Warehouse.Bench;

/// <summary>A benchmark could not run (a reference tool failed); the message says which and why.</summary>
public sealed class BenchmarkException(string message) : UserFacingException(message);
