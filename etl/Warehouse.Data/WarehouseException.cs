using Warehouse.Core;

namespace Warehouse.Data;

/// <summary>The warehouse cannot be used: read-only, full, locked, or written by a newer version. The message is for the user.</summary>
public sealed class WarehouseException(string message, Exception? inner = null) : UserFacingException(message, inner);
